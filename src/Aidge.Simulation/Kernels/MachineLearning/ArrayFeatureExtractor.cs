using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>ArrayFeatureExtractor: the columns Y (flattened) of every row along X's last axis.</summary>
[Kernel("ArrayFeatureExtractor", Domain = "ai.onnx.ml", SinceVersion = 1, WidenHalfPrecision = false)]
public sealed class ArrayFeatureExtractorKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1).ToInt64Array();
        if (data.Rank == 0)
        {
            throw new ArgumentException("ArrayFeatureExtractor needs X with at least one dimension.");
        }
        long columns = data.Dims[^1];
        foreach (long index in indices)
        {
            if (index < 0 || index >= columns)
            {
                throw new ArgumentException($"ArrayFeatureExtractor index {index} is outside [0, {columns}).");
            }
        }
        long[] dims = data.Rank == 1 ? [1, indices.Length] : [.. data.Dims[..^1], indices.Length];
        int rows = columns == 0 ? 0 : data.Length / (int)columns;
        var picks = new int[rows * indices.Length];
        for (int row = 0, k = 0; row < rows; row++)
        {
            foreach (long index in indices)
            {
                picks[k++] = (int)(row * columns + index);
            }
        }
        context.SetOutput(0, ElementPicker.Pick(data, picks, dims));
    }
}
