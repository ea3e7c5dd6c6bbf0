using System.Globalization;
using Aidge.Export.C;
using Aidge.Export.Cuda.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Reduction;

/// <summary>
/// The Reduce* family (the shared <see cref="ReduceRows"/>) with constant axes, as one generated block reduction per
/// operation and type (<see cref="CudaReduceKernel"/>); reducing no axis is a copy. Axes known only at run time are
/// left to the other targets.
/// </summary>
[CudaEmitter("ReduceSum")]
[CudaEmitter("ReduceMean")]
[CudaEmitter("ReduceMax")]
[CudaEmitter("ReduceMin")]
[CudaEmitter("ReduceProd")]
[CudaEmitter("ReduceL1")]
[CudaEmitter("ReduceL2")]
[CudaEmitter("ReduceLogSum")]
[CudaEmitter("ReduceLogSumExp")]
[CudaEmitter("ReduceSumSquare")]
public sealed class CudaReduce : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = ReduceRows.Resolve(node, types => types);
        var input = node.Input(0);
        var output = node.Output(0);
        if (ReduceRows.RunTimeAxes(node))
        {
            throw node.Unsupported("axes known only at run time are not supported by the CUDA target; make them a constant");
        }
        if (ReduceRows.ConstantAxes(node) is not { } axes)
        {
            yield return CudaCopy.Call(input, output);
            yield break;
        }
        var kept = Merged(node, axes.KeptDims, axes.KeptStrides);
        var folded = Merged(node, axes.Dims, axes.Strides);
        string geometry = $"aidge_cu_reduce_axes{{{kept.Rank.ToString(CultureInfo.InvariantCulture)}, {CudaLiteral.List(kept.Dims)}, {CudaLiteral.List(kept.Strides[0])}, "
            + $"{folded.Rank.ToString(CultureInfo.InvariantCulture)}, {CudaLiteral.List(folded.Dims)}, {CudaLiteral.List(folded.Strides[0])}, {CLiteral.Int(axes.Count)}}}";
        yield return new KernelCall(new CudaReduceKernel(operation), new[]
        {
            input.Read, output.Write, CLiteral.Int(output.ElementCount), geometry, CudaNode.Stream,
        }.ToEquatableArray());
    }

    /// <summary>Neighbouring dims the input walks contiguously fused into one, so the geometry fits the kernel's eight dims.</summary>
    private static StridedDims Merged(NodeContext node, long[] dims, long[] strides)
    {
        var merged = StridedDims.Merge(dims, strides);
        return merged.Rank <= CudaBroadcast.MaxRank
            ? merged
            : throw node.Unsupported($"a reduction over {merged.Rank} dims that cannot be merged (the CUDA kernels take at most {CudaBroadcast.MaxRank})");
    }
}
