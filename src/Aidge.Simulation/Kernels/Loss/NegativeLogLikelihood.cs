using System.Numerics;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Loss;

/// <summary>
/// The negative log-likelihood shared by NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: for input
/// [N, C, d1...] and target [N, d1...], loss = -input[n, target, d...] * weight[target], zero (with zero weight)
/// where the target is ignore_index; "mean" divides the sum by the total weight.
/// </summary>
public static class NegativeLogLikelihood
{
    public static (T[] Values, long[] Dims) Compute<T>(ReadOnlySpan<T> input, long[] inputDims, Tensor target, ReadOnlySpan<T> weights, long? ignoreIndex, string reduction)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inputDims.Length < 2)
        {
            throw new ArgumentException($"The input needs shape [N, C, ...], got rank {inputDims.Length}.");
        }
        int batch = (int)inputDims[0];
        int classes = (int)inputDims[1];
        int inner = batch * classes == 0 ? 0 : input.Length / (batch * classes);
        if (target.Length != batch * inner)
        {
            throw new ArgumentException($"The target has {target.Length} elements, the input needs {batch * inner}.");
        }
        var losses = new T[target.Length];
        T totalWeight = T.Zero;
        for (int n = 0; n < batch; n++)
        {
            for (int d = 0; d < inner; d++)
            {
                int index = n * inner + d;
                long label = target.GetInt64(index);
                if (label == ignoreIndex)
                {
                    continue;
                }
                if (label < 0 || label >= classes)
                {
                    throw new ArgumentException($"Target {label} is outside the {classes} classes.");
                }
                T weight = weights.IsEmpty ? T.One : weights[(int)label];
                losses[index] = -input[(n * classes + (int)label) * inner + d] * weight;
                totalWeight += weight;
            }
        }
        return reduction switch
        {
            "none" => (losses, target.Dims),
            "sum" => ([Sum(losses)], []),
            "mean" => ([Sum(losses) / totalWeight], []),
            _ => throw new ArgumentException($"reduction must be none, sum or mean, not '{reduction}'."),
        };
    }

    private static T Sum<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => System.Numerics.Tensors.TensorPrimitives.Sum<T>(values);
}
