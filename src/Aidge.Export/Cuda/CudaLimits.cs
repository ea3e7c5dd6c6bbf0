using Aidge.Export.Plan;

namespace Aidge.Export.Cuda;

/// <summary>
/// The sizes the CUDA kernels index with 32-bit integers (a plane, a matrix, a grid dimension), so that the index
/// arithmetic of their inner loops stays in single registers; the emitters check them when planning, so a larger
/// model is rejected with the reason rather than miscomputed.
/// </summary>
public static class CudaLimits
{
    /// <summary>The most blocks along a grid's y and z dimensions.</summary>
    public const long GridYZ = 65535;

    /// <summary>Rejects the node when one of its tensors has more elements than an <c>int</c> holds.</summary>
    public static void RequireInt32(NodeContext node, params TensorRef?[] tensors)
    {
        foreach (var tensor in tensors.OfType<TensorRef>())
        {
            if (tensor.ElementCount > int.MaxValue)
            {
                throw node.Unsupported($"tensor '{tensor.Name}' has {tensor.ElementCount} elements; the CUDA kernels index at most {int.MaxValue}");
            }
        }
    }

    /// <summary>Rejects a launch that needs more than <see cref="GridYZ"/> blocks along y or z.</summary>
    public static void RequireGrid(NodeContext node, long blocks, string what)
    {
        if (blocks > GridYZ)
        {
            throw node.Unsupported($"{blocks} {what} need more CUDA blocks along one grid dimension than the {GridYZ} allowed");
        }
    }
}
