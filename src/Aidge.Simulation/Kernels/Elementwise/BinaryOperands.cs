using Aidge.Core.Operators.Elementwise;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>Reads the two operands of a binary operator, applying the pre-opset-7 broadcasting scheme where it is in force.</summary>
public static class BinaryOperands
{
    public static (Tensor X, Tensor Y) Read(KernelContext context, bool sameType = true)
    {
        var x = context.Input(0);
        var y = context.Input(1);
        if (sameType && x.Type != y.Type)
        {
            throw new ArgumentException($"{context.Node.OpType} needs operands of one element type, got {x.Type.OnnxName()} and {y.Type.OnnxName()}.");
        }
        if (context.OpsetVersion < 7 && context.GetInt(LegacyBroadcastAttributes.Broadcast, 0) != 0)
        {
            y = AlignLegacy(y, x.Rank, context.GetInt(LegacyBroadcastAttributes.Axis, x.Rank - y.Rank));
        }
        return (x, y);
    }

    /// <summary>
    /// Before opset 7, B matched a contiguous run of A's dims starting at <c>axis</c> (by default the trailing
    /// ones). Padding B with 1s on both sides to A's rank turns that into ordinary numpy broadcasting.
    /// </summary>
    private static Tensor AlignLegacy(Tensor y, int rank, long axis)
    {
        long start = axis < 0 ? axis + rank : axis;
        if (start < 0 || start + y.Rank > rank)
        {
            throw new ArgumentException($"Legacy broadcast of shape [{string.Join(",", y.Dims)}] at axis {axis} does not fit rank {rank}.");
        }
        var dims = new long[rank];
        Array.Fill(dims, 1L);
        y.Dims.CopyTo(dims, start);
        return y.Reshape(dims);
    }
}
