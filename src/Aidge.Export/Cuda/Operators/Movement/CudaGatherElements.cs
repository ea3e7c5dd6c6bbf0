using System.Globalization;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Cuda.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>GatherElements with int32 or int64 indices, constant or computed at run time (Cuda/Runtime/aidge_cu_gather_elements.cu), up to eight dims.</summary>
[CudaEmitter("GatherElements")]
public sealed class CudaGatherElements : INodeEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_gather_elements");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        node.RequireType(indices, DataType.Int32, DataType.Int64);
        if (data.Rank > CudaBroadcast.MaxRank)
        {
            throw node.Unsupported($"rank {data.Rank} (the CUDA kernels take at most {CudaBroadcast.MaxRank} dims)");
        }
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), data.Rank);
        string geometry = $"aidge_cu_element_gather{{{data.Rank.ToString(CultureInfo.InvariantCulture)}, {axis.ToString(CultureInfo.InvariantCulture)}, {CLiteral.Int(data.Dims[axis])}, "
            + $"{CudaLiteral.List(indices.Dims)}, {CudaLiteral.List(TensorLayout.Strides(data.Dims))}}}";
        yield return new KernelCall(Helper, new[]
        {
            data.Read, indices.Read, node.Output(0).Write, CLiteral.Int(data.Type.SizeOf()), geometry, CLiteral.Int(indices.ElementCount), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
