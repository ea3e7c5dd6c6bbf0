using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// Where the output of Pad in constant mode comes from: the input (cropped where pads are negative) lands in the
/// output's interior as a view of <paramref name="Dims"/>, read from element <paramref name="From"/> of the input and
/// written from element <paramref name="To"/> of the output with both tensors' dense strides; the rest of the output
/// is the padding value, needed only when <paramref name="NeedsFill"/>.
/// </summary>
public sealed record ConstantPadView(long[] Dims, long From, long[] SourceStrides, long To, long[] TargetStrides, bool NeedsFill);

/// <summary>
/// The data-movement operators that are strided views of their input (Slice, Transpose, constant Pad), analysed
/// once for every kernel-based target: each target copies the view with its own kernel.
/// </summary>
public static class MovementViews
{
    /// <summary>Slice: the first element read and the input strides per output dim (negative steps walk backwards).</summary>
    public static (long From, long[] Strides) Slice(NodeContext node)
    {
        var dims = node.Input(0).Dims.ToArray();
        var (starts, ends, axes, steps) = SliceBounds(node);
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
        return (from, strides);
    }

    /// <summary>Transpose: output axis i reads input axis perm[i] (reversed axes by default); the input strides per output dim.</summary>
    public static long[] Transpose(NodeContext node)
    {
        var x = node.Input(0);
        long[] perm = node.GetInts("perm") is { Length: > 0 } p ? p : Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i).ToArray();
        long[] strides = ShapeMath.Strides(x.Dims.ToArray());
        return perm.Select(axis => strides[axis]).ToArray();
    }

    /// <summary>Pad's begin and end per axis (begins first, then ends) and its mode; pads and axes must be constants.</summary>
    public static (long[] Pads, string Mode) Pads(NodeContext node)
    {
        var given = PadFamily.GivenPads(node.OpsetVersion, node.Node, i => node.RequireConstantInput(i, "pads").ToInt64Array())!;
        var axes = node.OpsetVersion >= 18 && node.HasInput(3) ? node.RequireConstantInput(3, "axes").ToInt64Array() : null;
        return (PadFamily.PerAxis(given, axes, node.Input(0).Rank), node.GetString("mode"));
    }

    /// <summary>Pad in constant mode with <paramref name="pads"/> (from <see cref="Pads"/>).</summary>
    public static ConstantPadView ConstantPad(TensorRef input, TensorRef output, long[] pads)
    {
        int rank = input.Rank;
        var inputStrides = TensorLayout.Strides(input.Dims);
        var outputStrides = TensorLayout.Strides(output.Dims);
        var dims = new long[rank];
        long from = 0;
        long to = 0;
        for (int axis = 0; axis < rank; axis++)
        {
            long begin = pads[axis];
            long end = pads[axis + rank];
            dims[axis] = Math.Max(0, input.Dims[axis] - Math.Max(0, -begin) - Math.Max(0, -end));
            from += Math.Max(0, -begin) * inputStrides[axis];
            to += Math.Max(0, begin) * outputStrides[axis];
        }
        return new ConstantPadView(dims, from, inputStrides, to, outputStrides, TensorLayout.Product(dims, 0, rank) < output.ElementCount);
    }

    private static (long[] Starts, long[] Ends, long[]? Axes, long[]? Steps) SliceBounds(NodeContext node)
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
