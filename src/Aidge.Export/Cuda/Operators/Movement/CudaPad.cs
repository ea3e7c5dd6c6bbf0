using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>
/// Pad in constant mode: the output filled with the value (the constant_value input, read on the device, the value
/// attribute before opset 11, or 0), then the input (cropped where pads are negative) copied into its interior
/// (<see cref="MovementViews.ConstantPad"/>). Pads must be constants; the edge, reflect and wrap modes are left to the
/// other targets.
/// </summary>
[CudaEmitter("Pad")]
public sealed class CudaPad : INodeEmitter
{
    private static readonly CudaRuntimeHelper Fill = new("aidge_cu_fill");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(output, [.. ElementTypeSets.Numeric, Core.Tensors.DataType.Bool]);
        var (pads, mode) = MovementViews.Pads(node);
        if (mode != "constant")
        {
            throw node.Unsupported($"mode '{mode}' is not supported by the CUDA target (constant only)");
        }
        var view = MovementViews.ConstantPad(input, output, pads);
        var calls = new List<KernelCall>();
        if (view.NeedsFill)
        {
            var value = node.OpsetVersion >= 11 ? node.OptionalInput(2) : null;
            double fallback = node.OpsetVersion < 11 ? node.GetFloat("value") : 0;
            calls.Add(new KernelCall(Fill, new[]
            {
                output.Write, CLiteral.Int(output.ElementCount), value is { ElementCount: > 0 } ? value.Read : $"(const {output.CType}*)0", CLiteral.Double(fallback), CudaNode.Stream,
            }.ToEquatableArray()));
        }
        calls.Add(CudaViewCopy.Call(node, input, view.From, view.SourceStrides, output, view.To, view.TargetStrides, view.Dims));
        return calls;
    }
}
