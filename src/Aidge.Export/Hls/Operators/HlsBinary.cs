using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// The elementwise operators of two (or, for Sum/Mean/Max/Min, more) inputs with NumPy broadcasting, from the shared
/// table <see cref="BinaryRows"/> (the same C expression of <c>a</c> and <c>b</c> every target computes): one step per
/// further input, each a loop per output dim (the last pipelined) reading its operands through their broadcast strides,
/// the first step from input 0 and the later ones from the output; Mean then scales. In a fixed-point design Add and
/// Sub sum data_t values at full precision and round once into data_t (<see cref="HlsNumbers"/>).
/// </summary>
[HlsFixedEmitter("Add")]
[HlsFixedEmitter("Sub")]
[HlsEmitter("Add")]
[HlsEmitter("Sub")]
[HlsEmitter("Mul")]
[HlsEmitter("Div")]
[HlsEmitter("Pow")]
[HlsEmitter("PRelu")]
[HlsEmitter("Sum")]
[HlsEmitter("Mean")]
[HlsEmitter("Max")]
[HlsEmitter("Min")]
[HlsEmitter("Equal")]
[HlsEmitter("Greater")]
[HlsEmitter("Less")]
[HlsEmitter("GreaterOrEqual")]
[HlsEmitter("LessOrEqual")]
[HlsEmitter("And")]
[HlsEmitter("Or")]
[HlsEmitter("Xor")]
[HlsEmitter("BitwiseAnd")]
[HlsEmitter("BitwiseOr")]
[HlsEmitter("BitwiseXor")]
[HlsEmitter("BitShift")]
[HlsEmitter("Mod")]
public sealed class HlsBinary : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = BinaryRows.Resolve(node, HlsTypes.Held);
        var numbers = HlsNumbers.Of(node);
        var y = node.Output(0);
        if (operation.Steps.Count == 0)
        {
            yield return HlsCopy.Call(node.Input(0), y);
            yield break;
        }
        var parameters = Enumerable.Range(0, node.InputCount).Select(i => HlsLayer.In($"x{i}", node.Input(i))).ToList();
        var body = new HlsBody();
        for (int s = 0; s < operation.Steps.Count; s++)
        {
            var step = operation.Steps[s];
            string a = s == 0 ? "x0" : "y";
            var (index, loops) = HlsLoops.Broadcast(body, y.Dims.ToArray(), step.A.Dims.ToArray(), step.BDims ?? step.B.Dims.ToArray());
            body.Line($"const {numbers.Element(step.A.Type)} a = {a}[{index[1]}];");
            body.Line($"const {numbers.Element(step.B.Type)} b = x{s + 1}[{index[2]}];");
            body.Line($"y[{index[0]}] = ({numbers.Element(y.Type)})({operation.Expression});");
            HlsLoops.Close(body, loops);
        }
        if (operation.Scale is { } scale)
        {
            body.For("i", Math.Max(1, y.ElementCount), HlsLoopRole.PerOutput)
                .Line($"y[i] = ({HlsTypes.Of(y.Type)})(y[i] * {CLiteral.Double(scale)});")
                .End();
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(operation.Key, body, [.. parameters]);
    }
}
