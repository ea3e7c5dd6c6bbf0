using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// A normalization that standardizes each row of its input seen as [rows, cols] and applies a scale and an optional
/// bias: the parameter of element c of row r is at <c>(r % Period) * RowStep + c * ColumnStep</c> (per column for
/// LayerNormalization, per channel for InstanceNormalization). Without <see cref="Center"/> the mean is taken as 0
/// (RMSNormalization). The optional statistics outputs get one value per row. Analysed once for every kernel-based target.
/// </summary>
public sealed record RowNormalization(
    TensorRef Input, TensorRef Output, long Rows, long Cols, TensorRef Scale, long ScaleStep, TensorRef? Bias, long BiasStep,
    long Period, long RowStep, double Epsilon, TensorRef? Means, TensorRef? InvStdDevs, bool Center)
{
    /// <summary>LayerNormalization (ONNX and ai.aidge) and RMSNormalization: rows before the axis, columns from it on.</summary>
    public static RowNormalization Layer(NodeContext node, DataType[] types)
    {
        var input = node.Input(0);
        node.RequireType(input, types);
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
        return new RowNormalization(input, node.Output(0), rows, cols, scale, ColumnStep(node, scale, cols), bias, bias is null ? 0 : ColumnStep(node, bias, cols),
            1, 0, node.GetFloat("epsilon"), means, invStdDevs, !rms);
    }

    /// <summary>InstanceNormalization: each (image, channel) plane is a row, normalized with its channel's scale and bias.</summary>
    public static RowNormalization Instance(NodeContext node, DataType[] types)
    {
        var input = node.Input(0);
        node.RequireType(input, types);
        return new RowNormalization(input, node.Output(0), TensorLayout.Product(input.Dims, 0, 2), TensorLayout.Product(input.Dims, 2, input.Rank),
            node.Input(1), 0, node.Input(2), 0, input.Dims[1], 1, node.GetFloat("epsilon"), null, null, true);
    }

    private static long ColumnStep(NodeContext node, TensorRef parameter, long cols) => parameter.ElementCount switch
    {
        1 => 0,
        var n when n == cols => 1,
        _ => throw node.Unsupported($"'{parameter.Name}' has {parameter.ElementCount} values; the {node.TargetName} target needs one per normalized element ({cols}) or a single one"),
    };
}
