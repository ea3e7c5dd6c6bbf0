using System.Numerics;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>
/// TreeEnsemble: walks every tree for each row of X, aggregates the reached leaf weights per target (sum,
/// average over trees, min or max; a target no leaf reached stays 0), then applies post_transform. Scores are
/// accumulated in double whatever the input type.
/// </summary>
[Kernel("TreeEnsemble", Domain = "ai.onnx.ml", SinceVersion = 5)]
public sealed class TreeEnsembleKernel : FloatingPointKernel
{
    private const long Average = 0, Sum = 1, Min = 2, Max = 3;

    protected override void Execute<T>(KernelContext context)
    {
        var input = context.Input(0);
        if (input.Rank != 2)
        {
            throw new ArgumentException($"TreeEnsemble needs X as [N, F], not {input}.");
        }
        var forest = new DecisionForest(context.Node);
        int rows = (int)input.Dims[0], featureCount = (int)input.Dims[1];
        if (forest.FeatureLimit > featureCount)
        {
            throw new ArgumentException($"TreeEnsemble uses feature {forest.FeatureLimit - 1} but X has {featureCount} features.");
        }
        int targets = (int)context.GetInt("n_targets", forest.LeafTargets.Length == 0 ? 0 : forest.LeafTargets.Max() + 1);
        long aggregate = context.GetInt("aggregate_function");
        if (aggregate is < Average or > Max)
        {
            throw new ArgumentException($"TreeEnsemble aggregate_function {aggregate} is not one of 0 to 3.");
        }
        var transform = PostTransforms.Of(context.GetInt("post_transform"));
        var source = ValuesAs<T>(input);
        var row = new double[featureCount];
        var scores = new double[rows * targets];
        var reached = new bool[targets];
        for (int r = 0; r < rows; r++)
        {
            for (int f = 0; f < featureCount; f++)
            {
                row[f] = double.CreateTruncating(source[r * featureCount + f]);
            }
            var rowScores = scores.AsSpan(r * targets, targets);
            Array.Clear(reached);
            foreach (long root in forest.Roots)
            {
                int leaf = forest.LeafOf(root, row);
                int target = (int)forest.LeafTargets[leaf];
                if ((uint)target >= (uint)targets)
                {
                    throw new ArgumentException($"TreeEnsemble leaf {leaf} targets {target}, outside [0, {targets}).");
                }
                rowScores[target] = Combine(aggregate, reached[target], rowScores[target], forest.LeafWeights[leaf]);
                reached[target] = true;
            }
            if (aggregate == Average && forest.Roots.Length > 0)
            {
                foreach (ref double score in rowScores)
                {
                    score /= forest.Roots.Length;
                }
            }
            transform(rowScores);
        }
        var output = new T[scores.Length];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = T.CreateTruncating(scores[i]);
        }
        context.SetOutput(0, TensorOf<T>(input.Type, [rows, targets], output));
    }

    private static double Combine(long aggregate, bool reached, double score, double weight) => aggregate switch
    {
        Min => reached ? Math.Min(score, weight) : weight,
        Max => reached ? Math.Max(score, weight) : weight,
        _ => score + weight,
    };
}
