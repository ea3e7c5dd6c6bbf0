using System.Numerics;
using System.Numerics.Tensors;

namespace Aidge.Simulation.Kernels.Recurrent;

/// <summary>
/// What differs between RNN, GRU and LSTM: how many gate blocks W and R stack, whether a cell state is carried,
/// the default activations, and the update of one batch entry at one time step. <see cref="RecurrentLayer{T}"/>
/// does everything else (directions, time order, sequence lengths, layouts, outputs).
/// </summary>
internal interface IRecurrentCell<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Gate blocks of hidden_size rows in W, R and each half of B (1, 3 or 4).</summary>
    int Gates { get; }

    /// <summary>True for LSTM, which carries C besides H.</summary>
    bool HasCellState { get; }

    /// <summary>The activation functions of one direction when the node gives none.</summary>
    IReadOnlyList<string> DefaultActivations { get; }

    void Step(ref CellStep<T> step);
}

/// <summary>Creates the cell for the element type the node runs in (the kernels implement it).</summary>
internal interface IRecurrentCellFactory
{
    IRecurrentCell<T> Create<T>(Runtime.KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>The data of one cell update: one batch entry, one time step, one direction.</summary>
internal ref struct CellStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>X_t·Wᵀ + Wb for every gate (Gates × hidden); the cell may overwrite it.</summary>
    public Span<T> Gates;

    /// <summary>H_{t-1} on entry, H_t on return.</summary>
    public Span<T> Hidden;

    /// <summary>C_{t-1} on entry, C_t on return (LSTM only, else empty).</summary>
    public Span<T> Cell;

    /// <summary>This direction's R: Gates × hidden rows of hidden_size.</summary>
    public ReadOnlySpan<T> Recurrence;

    /// <summary>This direction's Rb (Gates × hidden).</summary>
    public ReadOnlySpan<T> RecurrenceBias;

    /// <summary>This direction's peepholes P[iof] (LSTM), or empty.</summary>
    public ReadOnlySpan<T> Peepholes;

    public ReadOnlySpan<RecurrentActivation> Activations;

    /// <summary>Work space of Gates × hidden elements.</summary>
    public Span<T> Scratch;

    /// <summary>The clip threshold applied to every activation input (infinity when the node sets none).</summary>
    public T Clip;

    public readonly int HiddenSize => Hidden.Length;

    /// <summary>Gate block k of a span holding Gates × hidden values.</summary>
    public readonly Span<T> Block(Span<T> gates, int k) => gates.Slice(k * HiddenSize, HiddenSize);

    /// <summary>Clips to [-clip, clip] and applies activation index in place.</summary>
    public readonly void Activate(int index, Span<T> values)
    {
        if (T.IsFinite(Clip))
        {
            TensorPrimitives.Max<T>(values, -Clip, values);
            TensorPrimitives.Min<T>(values, Clip, values);
        }
        Activations[index].Apply(values);
    }

    /// <summary>Gates += H_{t-1}·Rᵀ + Rb over every gate block (RNN and LSTM; GRU's h block needs r first).</summary>
    public readonly void AddRecurrence()
    {
        MultiplyTransposed(Recurrence, Hidden, Scratch);
        TensorPrimitives.Add(Gates, Scratch, Gates);
        TensorPrimitives.Add(Gates, RecurrenceBias, Gates);
    }

    /// <summary>result[i] = row i of matrix · vector: a product with the transpose of a row-major matrix.</summary>
    public static void MultiplyTransposed(ReadOnlySpan<T> matrix, ReadOnlySpan<T> vector, Span<T> result)
    {
        int columns = vector.Length;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = TensorPrimitives.Dot(matrix.Slice(i * columns, columns), vector);
        }
    }
}
