using Aidge.Core.Graphs;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels.Pooling;

/// <summary>How a pool combines its window: the numbers are the <c>mode</c> argument of every target's pool kernel.</summary>
public enum PoolMode
{
    Max = 0,
    Average = 1,
    Lp = 2,
}

/// <summary>
/// MaxPool, AveragePool, LpPool and their global forms, read once for every target: the window (the whole spatial
/// input for the global ones), the mode, whether AveragePool divides by the padded window (count_include_pad), and
/// LpPool's p. ceil_mode needs nothing: the output dims, fixed by shape inference, already say how many windows
/// there are. MaxPool's Indices output is rejected.
/// </summary>
public sealed record PoolGeometry(TensorRef X, TensorRef Y, PoolMode Mode, SpatialWindow Window, bool IncludePad, double P)
{
    /// <summary>The [N·C] planes the window slides over.</summary>
    public long Planes => X.Dims[0] * X.Dims[1];

    public static bool IsMax(string opType) => opType.EndsWith("MaxPool", StringComparison.Ordinal);

    public static PoolGeometry Of(NodeContext node)
    {
        string op = node.Node.OpType;
        var x = node.Input(0);
        var y = node.Output(0);
        if (node.HasOutput(1))
        {
            throw node.Unsupported("the Indices output of MaxPool is not supported");
        }
        long[] input = x.Dims.ToArray();
        bool global = op.StartsWith("Global", StringComparison.Ordinal);
        long[] kernel = global ? input[2..] : node.GetInts("kernel_shape") ?? throw node.Unsupported("kernel_shape is missing");
        var window = SpatialWindow.Of(node, input, y.Dims.ToArray(), kernel);
        var mode = IsMax(op) ? PoolMode.Max : op.EndsWith("LpPool", StringComparison.Ordinal) ? PoolMode.Lp : PoolMode.Average;
        bool includePad = op == "AveragePool" && node.GetInt("count_include_pad") != 0;
        return new PoolGeometry(x, y, mode, window, includePad, Exponent(node));
    }

    /// <summary>LpPool's p: a float attribute at opset 1, an int from opset 2, 2 by default (unused by the other pools).</summary>
    private static double Exponent(NodeContext node) => node.Node.FindAttribute("p") switch
    {
        { Kind: AttributeKind.Float } attribute => attribute.AsFloat(),
        { } attribute => attribute.AsInt(),
        null => 2,
    };
}
