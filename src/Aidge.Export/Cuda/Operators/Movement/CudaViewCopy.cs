using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Cuda.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Calls of Cuda/Runtime/aidge_cu_view_copy.cu: a strided view of one tensor copied into a strided view of another, dims merged first.</summary>
public static class CudaViewCopy
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_view_copy");

    /// <summary>Copies a view of <paramref name="source"/> into a view of <paramref name="target"/>; strides in elements, one per dim.</summary>
    public static KernelCall Call(NodeContext node, TensorRef source, long from, IReadOnlyList<long> sourceStrides, TensorRef target, long to, IReadOnlyList<long> targetStrides, IReadOnlyList<long> dims)
    {
        var merged = StridedDims.Merge(dims, sourceStrides, targetStrides);
        if (merged.Rank > CudaBroadcast.MaxRank)
        {
            throw node.Unsupported($"a copy over {merged.Rank} dims that cannot be merged (the CUDA kernels take at most {CudaBroadcast.MaxRank})");
        }
        string view = $"aidge_cu_view{{{merged.Rank.ToString(CultureInfo.InvariantCulture)}, {CudaLiteral.List(merged.Dims)}, {CudaLiteral.List(merged.Strides[0])}, {CudaLiteral.List(merged.Strides[1])}}}";
        return new KernelCall(Helper, new[]
        {
            source.Read, CLiteral.Int(from), target.Write, CLiteral.Int(to), CLiteral.Int(source.Type.SizeOf()),
            CLiteral.Int(TensorLayout.Product(merged.Dims, 0, merged.Rank)), view, CudaNode.Stream,
        }.ToEquatableArray());
    }

    /// <summary>Copies a view of <paramref name="source"/> into the whole of <paramref name="target"/> (dense, row-major).</summary>
    public static KernelCall Into(NodeContext node, TensorRef source, long from, IReadOnlyList<long> sourceStrides, TensorRef target) =>
        Call(node, source, from, sourceStrides, target, 0, TensorLayout.Strides(target.Dims), target.Dims);
}
