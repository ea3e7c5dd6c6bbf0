namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>The score transforms of the ai.onnx.ml predictors, applied in place to one row of scores.</summary>
internal static class PostTransforms
{
    public delegate void Transform(Span<double> scores);

    /// <summary>The transform numbered as the post_transform attribute: NONE, SOFTMAX, LOGISTIC, SOFTMAX_ZERO.</summary>
    public static Transform Of(long code) => code switch
    {
        0 => static _ => { },
        1 => static scores => Softmax(scores, skipZeros: false),
        2 => Logistic,
        3 => static scores => Softmax(scores, skipZeros: true),
        4 => throw new NotSupportedException("post_transform PROBIT is not supported (inference rejects it at import)."),
        _ => throw new ArgumentException($"post_transform {code} is not one of 0 to 4."),
    };

    private static void Logistic(Span<double> scores)
    {
        foreach (ref double score in scores)
        {
            score = 1 / (1 + Math.Exp(-score));
        }
    }

    /// <summary>Softmax over the row; SOFTMAX_ZERO leaves zero scores at zero and out of the normalisation.</summary>
    private static void Softmax(Span<double> scores, bool skipZeros)
    {
        double max = double.NegativeInfinity;
        foreach (double score in scores)
        {
            if (!(skipZeros && score == 0))
            {
                max = Math.Max(max, score);
            }
        }
        double total = 0;
        foreach (ref double score in scores)
        {
            if (!(skipZeros && score == 0))
            {
                score = Math.Exp(score - max);
                total += score;
            }
        }
        foreach (ref double score in scores)
        {
            score = total > 0 ? score / total : score;
        }
    }
}
