using Aidge.Core.Tensors;

namespace Aidge.Compiler.Verification;

/// <summary>The arithmetic of <see cref="FidelityReport"/>: signal-to-noise ratio, top-1 decisions and accuracy.</summary>
public static class FidelityMetrics
{
    /// <summary>
    /// The rows and classes of a classifier-shaped output: floating point, rank 2 or more, with at least two classes
    /// along one axis after the first and 1 along the others ([1,10], [1,10,1,1]); null for anything else.
    /// </summary>
    public static (int Rows, int Classes)? ClassifierShape(Tensor output)
    {
        if (!output.Type.IsFloatingPoint() || output.Rank < 2 || output.Dims.Skip(1).Count(d => d != 1) != 1)
        {
            return null;
        }
        long classes = output.Dims.Skip(1).Max();
        return classes >= 2 && output.Dims[0] > 0 ? ((int)output.Dims[0], (int)classes) : null;
    }

    /// <summary>The index of the largest element of each row (the first on ties, as numpy.argmax; NaN never wins).</summary>
    public static int[] ArgMaxRows(Tensor output, int rows, int classes)
    {
        var result = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            int best = 0;
            double bestValue = double.NegativeInfinity;
            for (int c = 0; c < classes; c++)
            {
                double value = output.GetDouble(r * classes + c);
                if (value > bestValue)
                {
                    (best, bestValue) = (c, value);
                }
            }
            result[r] = best;
        }
        return result;
    }

    /// <summary>The figures of one output: <paramref name="reference"/> and <paramref name="actual"/> hold it for every sample.</summary>
    public static OutputFidelity Compare(string name, IReadOnlyList<Tensor> reference, IReadOnlyList<Tensor> actual)
    {
        double signal = 0, noise = 0, maxAbs = 0;
        for (int s = 0; s < reference.Count; s++)
        {
            if (!reference[s].Dims.AsSpan().SequenceEqual(actual[s].Dims))
            {
                throw new ArgumentException($"output '{name}' is {actual[s]} after the passes, {reference[s]} before");
            }
            for (int i = 0; i < reference[s].Length; i++)
            {
                double e = reference[s].GetDouble(i), error = actual[s].GetDouble(i) - e;
                signal += e * e;
                noise += error * error;
                maxAbs = Math.Max(maxAbs, double.IsNaN(error) ? double.PositiveInfinity : Math.Abs(error));
            }
        }
        double? snr = noise > 0 && signal > 0 ? 10 * Math.Log10(signal / noise) : null;
        return new OutputFidelity(name, snr, maxAbs, Top1Agreement(reference, actual));
    }

    /// <summary>The fraction of rows whose arg-max is the same in both; null when the output is not classifier-shaped.</summary>
    public static double? Top1Agreement(IReadOnlyList<Tensor> reference, IReadOnlyList<Tensor> actual)
    {
        if (reference.Count == 0 || ClassifierShape(reference[0]) is not var (rows, classes))
        {
            return null;
        }
        int agreeing = 0;
        for (int s = 0; s < reference.Count; s++)
        {
            var want = ArgMaxRows(reference[s], rows, classes);
            var got = ArgMaxRows(actual[s], rows, classes);
            agreeing += want.Zip(got).Count(p => p.First == p.Second);
        }
        return (double)agreeing / (rows * reference.Count);
    }

    /// <summary>The fraction of rows whose arg-max is the label; label k·rows + r belongs to row r of sample k.</summary>
    public static double Accuracy(IReadOnlyList<Tensor> outputs, long[] labels)
    {
        var (rows, classes) = ClassifierShape(outputs[0]) ?? throw new ArgumentException("The output is not classifier-shaped.");
        int correct = 0;
        for (int s = 0; s < outputs.Count; s++)
        {
            var predicted = ArgMaxRows(outputs[s], rows, classes);
            correct += predicted.Where((p, r) => p == labels[s * rows + r]).Count();
        }
        return (double)correct / (rows * outputs.Count);
    }
}
