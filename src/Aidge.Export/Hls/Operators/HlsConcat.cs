using Aidge.Core.Operators;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Concat (any element type): around the axis (the shared <see cref="TensorLayout.AroundAxis"/>) each input is a run of
/// [outer, its axis length × inner] elements copied into its column of the output, one pipelined element per iteration.
/// </summary>
[HlsEmitter("Concat")]
[HlsFixedEmitter("Concat")]
public sealed class HlsConcat : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var y = node.Output(0);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), y.Rank);
        var (outer, total, inner) = TensorLayout.AroundAxis(y.Dims, axis);
        var body = new HlsBody();
        var parameters = new List<HlsParameter>();
        long offset = 0;
        for (int k = 0; k < node.InputCount; k++)
        {
            if (!node.HasInput(k))
            {
                continue;
            }
            var x = node.Input(k);
            if (x.Type != y.Type)
            {
                throw node.Unsupported($"input {k} is {x.Type}, the output {y.Type}");
            }
            long run = x.Rank > axis ? x.Dims[axis] * inner : 0;
            if (run == 0)
            {
                continue;
            }
            parameters.Add(HlsLayer.In($"x{k}", x));
            body.For("o", outer, HlsLoopRole.Outer)
                .For("i", run, HlsLoopRole.PerOutput).Line($"y[o * {total * inner} + {offset} + i] = x{k}[o * {run} + i];").End()
                .End();
            offset += run;
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of("concat", body, [.. parameters]);
    }
}
