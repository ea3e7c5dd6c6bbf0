using Aidge.Core.Tensors;
using System.Globalization;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Pad. Constant mode fills the output with the value, then copies the input (cropped where pads are negative) into
/// its interior as a strided view; edge, reflect and wrap map every output coordinate back into the input. The pads
/// (and axes) must be constants; the constant value may be computed at run time.
/// </summary>
[OpenMpEmitter("Pad")]
public sealed class Pad : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        int rank = input.Rank;
        var (pads, mode) = MovementViews.Pads(node);
        if (mode == "constant")
        {
            return Constant(node, input, output, pads);
        }
        var modeValue = mode switch
        {
            "edge" => PadMode.Edge,
            "reflect" => PadMode.Reflect,
            "wrap" => PadMode.Wrap,
            _ => throw node.Unsupported($"mode '{mode}' is not one of constant, reflect, edge, wrap"),
        };
        if (output.ElementCount > 0 && input.ElementCount == 0)
        {
            throw node.Unsupported($"mode '{mode}' needs input elements to copy, and the input is empty");
        }
        return
        [
            new KernelCall(new PadMapHelper(input.Type.SizeOf()), new[]
            {
                NodeContext.Threads, input.Read, output.Write, rank.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(input.Dims),
                CLiteral.Int64Array(output.Dims), CLiteral.Int64Array(pads.Take(rank)), ((int)modeValue).ToString(CultureInfo.InvariantCulture), CLiteral.Int(output.ElementCount),
            }.ToEquatableArray()),
        ];
    }

    private static IEnumerable<KernelCall> Constant(NodeContext node, TensorRef input, TensorRef output, long[] pads)
    {
        var view = MovementViews.ConstantPad(input, output, pads);
        var calls = new List<KernelCall>();
        if (view.NeedsFill)
        {
            calls.Add(FillHelper.Call(output, Value(node, output)));
        }
        calls.Add(ViewCopy.Call(input, view.From, view.SourceStrides, output, view.To, view.TargetStrides, view.Dims));
        return calls;
    }

    /// <summary>A pointer to the padding value: the constant_value input, the value attribute (before opset 11), or NULL for 0.</summary>
    private static string Value(NodeContext node, TensorRef output)
    {
        if (node.OpsetVersion >= 11)
        {
            return node.OptionalInput(2) is { ElementCount: > 0 } value ? value.Read : "NULL";
        }
        return $"(const {output.CType}[]){{({output.CType}){CLiteral.Double(node.GetFloat("value"))}}}";
    }
}
