using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Normalization;

/// <summary>
/// LayerNormalization (ONNX and ai.aidge), RMSNormalization and InstanceNormalization: the rows of the shared
/// <see cref="RowNormalization"/> analysis, one block per row (Cuda/Runtime/aidge_cu_normalize_rows.cu).
/// </summary>
[CudaEmitter("LayerNormalization")]
[CudaEmitter("LayerNormalization", Domain = AidgeDomain.Name)]
[CudaEmitter("RMSNormalization")]
[CudaEmitter("InstanceNormalization")]
public sealed class CudaRowNormalization : INodeEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_normalize_rows");

    private static readonly DataType[] Types = [DataType.Float, DataType.Double];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var n = node.Node.OpType == "InstanceNormalization" ? RowNormalization.Instance(node, Types) : RowNormalization.Layer(node, Types);
        string nothing = $"({n.Input.CType}*)0";
        yield return new KernelCall(Helper, new[]
        {
            n.Input.Read, n.Output.Write, CLiteral.Int(n.Rows), CLiteral.Int(n.Cols), n.Scale.Read, CLiteral.Int(n.ScaleStep), n.Bias?.Read ?? $"(const {n.Input.CType}*)0",
            CLiteral.Int(n.BiasStep), CLiteral.Int(n.Period), CLiteral.Int(n.RowStep), CLiteral.Double(n.Epsilon), n.Center ? "1" : "0",
            n.Means?.Write ?? nothing, n.InvStdDevs?.Write ?? nothing, CudaNode.Stream,
        }.ToEquatableArray());
    }
}
