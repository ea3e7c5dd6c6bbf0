using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Slice as a strided view of its input: each sliced axis starts at its resolved start and steps by <c>step</c>
/// (negative steps walk backwards). Bounds are attributes before opset 10 and constant inputs from 10.
/// </summary>
[OpenMpEmitter("Slice")]
public sealed class Slice : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        var dims = input.Dims.ToArray();
        var (starts, ends, axes, steps) = Bounds(node);
        var inputStrides = TensorLayout.Strides(dims);
        var strides = (long[])inputStrides.Clone();
        long from = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = ShapeMath.NormalizeAxis(axes?[i] ?? i, dims.Length);
            long step = steps?[i] ?? 1;
            var (start, _) = SliceFamily.Resolve(dims[axis], starts[i], ends[i], step);
            from += start * inputStrides[axis];
            strides[axis] = step * inputStrides[axis];
        }
        yield return ViewCopy.Into(input, from, strides, output, output.Dims.ToArray());
    }

    private static (long[] Starts, long[] Ends, long[]? Axes, long[]? Steps) Bounds(NodeContext node)
    {
        if (node.OpsetVersion < 10)
        {
            return (node.GetInts("starts")!, node.GetInts("ends")!, node.GetInts("axes"), null);
        }
        return (
            node.RequireConstantInput(1, "starts").ToInt64Array(),
            node.RequireConstantInput(2, "ends").ToInt64Array(),
            node.HasInput(3) ? node.RequireConstantInput(3, "axes").ToInt64Array() : null,
            node.HasInput(4) ? node.RequireConstantInput(4, "steps").ToInt64Array() : null);
    }
}
