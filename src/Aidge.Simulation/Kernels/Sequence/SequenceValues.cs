using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sequence;

/// <summary>Reading sequence inputs and position arguments the way every sequence operator does.</summary>
internal static class SequenceValues
{
    public static TensorSequence Input(KernelContext context, int index) =>
        context.InputValue(index) as TensorSequence
        ?? throw new ArgumentException($"{context.Node.OpType} input {index} must be a sequence, got {Describe(context.InputValue(index))}.");

    /// <summary>
    /// The position input resolved against the sequence length: negative positions count from the back;
    /// valid positions are [-n, n-1], or [-n, n] where one past the end is allowed (insertion).
    /// </summary>
    public static int Position(Tensor position, int count, bool allowEnd)
    {
        if (position.Length != 1)
        {
            throw new ArgumentException($"A sequence position must be a scalar, got {position}.");
        }
        long value = position.GetInt64(0);
        long resolved = value < 0 ? value + count : value;
        if (resolved < 0 || resolved > count || resolved == count && !allowEnd)
        {
            throw new ArgumentException($"Position {value} is out of range for a sequence of {count} tensors.");
        }
        return (int)resolved;
    }

    public static string Describe(object? value) => value switch
    {
        null => "nothing",
        Tensor t => $"a tensor {t}",
        TensorSequence s => $"a sequence of {s.Count}",
        OptionalNone => "an empty optional",
        _ => value.GetType().Name,
    };
}
