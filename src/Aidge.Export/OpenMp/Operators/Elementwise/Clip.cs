using Aidge.Core.Graphs;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>Clip: the passes of the shared <see cref="ClipBounds"/>, each an OpenMP loop (or a copy when no bound is given).</summary>
[OpenMpEmitter("Clip")]
public sealed class Clip : INodeEmitter, IInPlaceEmitter
{
    /// <summary>Each pass computes y[i] from x[i] (or the previous pass's y[i]) and the scalar bounds, which stay untouched.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var passes = ClipBounds.Resolve(node, ElementTypeSets.WithHalf);
        var x = node.Input(0);
        var output = node.Output(0);
        if (passes.Count == 0)
        {
            yield return Copy.Call(x, output);
            yield break;
        }
        var source = x;
        foreach (var pass in passes)
        {
            yield return pass.Bound is null
                ? UnaryOps.Helper(pass.Key, x.Type, x.Type, pass.Expression).Call(source, output, pass.Alpha, pass.Beta)
                : new BinaryHelper(pass.Key, x.Type, x.Type, x.Type, pass.Expression).Call(source, pass.Bound, output);
            source = output;
        }
    }
}
