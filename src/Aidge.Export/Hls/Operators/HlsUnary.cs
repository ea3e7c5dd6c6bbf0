using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Elementwise functions of one input from the shared table <see cref="UnaryRows"/> (the same C expression of <c>x</c>
/// every target computes), and Clip through the shared <see cref="ClipBounds"/> (each pass one loop; a bound known only
/// at run time is read from its one-element array): one pipelined element per iteration.
/// </summary>
[HlsEmitter("Relu")]
[HlsEmitter("LeakyRelu")]
[HlsEmitter("Sigmoid")]
[HlsEmitter("Tanh")]
[HlsEmitter("Exp")]
[HlsEmitter("Log")]
[HlsEmitter("Sqrt")]
[HlsEmitter("Abs")]
[HlsEmitter("Neg")]
[HlsEmitter("Reciprocal")]
[HlsEmitter("Floor")]
[HlsEmitter("Ceil")]
[HlsEmitter("Round")]
[HlsEmitter("Sin")]
[HlsEmitter("Cos")]
[HlsEmitter("Tan")]
[HlsEmitter("Asin")]
[HlsEmitter("Acos")]
[HlsEmitter("Atan")]
[HlsEmitter("Sinh")]
[HlsEmitter("Cosh")]
[HlsEmitter("Asinh")]
[HlsEmitter("Acosh")]
[HlsEmitter("Atanh")]
[HlsEmitter("Erf")]
[HlsEmitter("Sign")]
[HlsEmitter("Softplus")]
[HlsEmitter("Softsign")]
[HlsEmitter("Elu")]
[HlsEmitter("Selu")]
[HlsEmitter("Celu")]
[HlsEmitter("HardSigmoid")]
[HlsEmitter("HardSwish")]
[HlsEmitter("Mish")]
[HlsEmitter("ThresholdedRelu")]
[HlsEmitter("Not")]
[HlsEmitter("BitwiseNot")]
[HlsEmitter("IsNaN")]
[HlsEmitter("IsInf")]
[HlsEmitter("Shrink")]
[HlsEmitter("Gelu")]
[HlsEmitter("Swish")]
[HlsEmitter("Clip")]
public sealed class HlsUnary : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        long count = Math.Max(1, x.ElementCount);
        var body = new HlsBody();
        var parameters = new List<HlsParameter> { HlsLayer.In("in", x) };
        string op;
        if (node.Node.OpType == "Clip")
        {
            op = "clip";
            var passes = ClipBounds.Resolve(node, HlsTypes.Held);
            string type = HlsTypes.Of(x.Type);
            body.For("i", count, HlsLoopRole.PerOutput).Line("y[i] = in[i];").End();
            foreach (var pass in passes)
            {
                body.For("i", count, HlsLoopRole.PerOutput);
                if (pass.Bound is { } bound)
                {
                    string name = $"bound{parameters.Count}";
                    parameters.Add(HlsLayer.In(name, bound));
                    body.Line($"const {type} a = y[i];").Line($"const {type} b = {name}[0];");
                }
                else
                {
                    body.Line($"const {type} x = y[i];").Line($"const {type} alpha = ({type}){CLiteral.Double(pass.Alpha)};").Line($"const {type} beta = ({type}){CLiteral.Double(pass.Beta)};");
                }
                body.Line($"y[i] = ({type})({pass.Expression});").End();
            }
        }
        else
        {
            var operation = UnaryRows.Resolve(node, HlsTypes.Held);
            op = operation.Key;
            body.For("i", count, HlsLoopRole.PerOutput)
                .Line($"const {HlsTypes.Of(operation.Input)} x = in[i];")
                .Line($"const double alpha = {CLiteral.Double(operation.Alpha)};")
                .Line($"const double beta = {CLiteral.Double(operation.Beta)};")
                .Line($"y[i] = ({HlsTypes.Of(operation.Output)})({operation.Expression});")
                .End();
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(op, body, [.. parameters]);
    }
}
