using Aidge.Core.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>Transpose of any element type: output axis i reads source axis perm[i] (reversed axes by default).</summary>
[OpenMpEmitter("Transpose")]
public sealed class Transpose : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        long[] perm = node.GetInts("perm") is { Length: > 0 } p ? p : Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i).ToArray();
        long[] strides = ShapeMath.Strides(x.Dims.ToArray());
        yield return StridedCopy.Call(x, node.Output(0), perm.Select(axis => strides[axis]).ToArray(), 0);
    }
}
