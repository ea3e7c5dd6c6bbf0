using Aidge.Core.Operators;
using Aidge.Core.Operators.Aidge;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// LayerNormalization: rows are the dims before the axis, columns the normalized dims after it. Scale and bias hold
/// one value per column (or a single value); the optional Mean and InvStdDev outputs get one value per row.
/// RMSNormalization is the same without centring (each row divided by its root mean square) and without bias.
/// </summary>
[OpenMpEmitter("LayerNormalization")]
[OpenMpEmitter("LayerNormalization", Domain = AidgeDomain.Name)]
[OpenMpEmitter("RMSNormalization")]
public sealed class LayerNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(input, ElementTypeSets.Float);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), input.Rank);
        long rows = TensorLayout.Product(input.Dims, 0, axis);
        long cols = TensorLayout.Product(input.Dims, axis, input.Rank);
        var scale = node.Input(1);
        bool rms = node.Node.OpType == "RMSNormalization";
        var bias = rms ? null : node.OptionalInput(2);
        var means = node.HasOutput(1) ? node.Output(1) : null;
        var invStdDevs = node.HasOutput(2) ? node.Output(2) : null;
        foreach (var statistic in new[] { means, invStdDevs }.OfType<TensorRef>())
        {
            node.RequireType(statistic, input.Type);
        }
        yield return new RowNormalizeHelper(input.Type).Call(input, output, rows, cols, scale, ColumnStep(node, scale, cols), bias, bias is null ? 0 : ColumnStep(node, bias, cols),
            period: 1, rowStep: 0, node.GetFloat("epsilon"), means, invStdDevs, center: !rms);
    }

    private static long ColumnStep(NodeContext node, TensorRef parameter, long cols) => parameter.ElementCount switch
    {
        1 => 0,
        var n when n == cols => 1,
        _ => throw node.Unsupported($"'{parameter.Name}' has {parameter.ElementCount} values; the OpenMP target needs one per normalized element ({cols}) or a single one"),
    };
}
