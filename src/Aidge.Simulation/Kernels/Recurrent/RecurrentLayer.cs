using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Recurrent;

/// <summary>Runs RNN, GRU or LSTM in the element type of X (float16/bfloat16 arrive widened to float).</summary>
internal static class RecurrentLayer
{
    public static void Run(KernelContext context, IRecurrentCellFactory factory)
    {
        switch (context.Input(0).Type)
        {
            case DataType.Float:
                new RecurrentLayer<float>(context, factory.Create<float>(context)).Run();
                break;
            case DataType.Double:
                new RecurrentLayer<double>(context, factory.Create<double>(context)).Run();
                break;
            default:
                throw new NotSupportedException($"{context.Node.OpType} does not support {context.Input(0).Type.OnnxName()} inputs.");
        }
    }
}

/// <summary>
/// The recurrent driver shared by RNN, GRU and LSTM: reads the inputs in either layout, projects X through W once
/// for the whole sequence, then walks each direction through time (forward, or backward from each entry's own
/// sequence length) letting the cell update the state, and writes Y, Y_h and Y_c.
/// </summary>
internal sealed class RecurrentLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly KernelContext context;
    private readonly IRecurrentCell<T> cell;
    private readonly Tensor x;
    private readonly Tensor w;
    private readonly Tensor r;
    private readonly Tensor? bias;
    private readonly Tensor? peepholes;
    private readonly bool batchFirst;
    private readonly int sequenceLength;
    private readonly int batch;
    private readonly int inputSize;
    private readonly int hiddenSize;
    private readonly int directions;
    private readonly int gateWidth;
    private readonly string direction;
    private readonly int[] lengths;
    private readonly RecurrentActivation[] activations;
    private readonly T clip;

    public RecurrentLayer(KernelContext context, IRecurrentCell<T> cell)
    {
        this.context = context;
        this.cell = cell;
        x = context.Input(0);
        w = context.Input(1);
        r = context.Input(2);
        bias = context.OptionalInput(3);
        peepholes = cell.HasCellState ? context.OptionalInput(7) : null;
        batchFirst = context.Schema?.Attributes.ContainsKey("layout") == true && context.GetInt("layout") == 1;
        direction = context.GetString("direction");
        directions = direction switch
        {
            "forward" or "reverse" => 1,
            "bidirectional" => 2,
            _ => throw new ArgumentException($"direction must be forward, reverse or bidirectional, not '{direction}'."),
        };
        if (x.Rank != 3 || w.Rank != 3 || r.Rank != 3)
        {
            throw new ArgumentException("X, W and R must be 3-D.");
        }
        sequenceLength = (int)x.Dims[batchFirst ? 1 : 0];
        batch = (int)x.Dims[batchFirst ? 0 : 1];
        inputSize = (int)x.Dims[2];
        hiddenSize = (int)context.GetInt("hidden_size", r.Dims[2]);
        gateWidth = cell.Gates * hiddenSize;
        CheckShape(w, "W", directions, gateWidth, inputSize);
        CheckShape(r, "R", directions, gateWidth, hiddenSize);
        if (bias is not null)
        {
            CheckShape(bias, "B", directions, 2 * gateWidth);
        }
        if (peepholes is not null)
        {
            CheckShape(peepholes, "P", directions, 3 * hiddenSize);
        }
        lengths = SequenceLengths(context.OptionalInput(4));
        activations = Activations();
        clip = context.Node.HasAttribute("clip") ? T.CreateChecked(context.GetFloat("clip", 0f)) : T.PositiveInfinity;
    }

    public void Run()
    {
        var y = context.HasOutput(0) ? Tensor.Create(x.Type, batchFirst
            ? new long[] { batch, sequenceLength, directions, hiddenSize }
            : new long[] { sequenceLength, directions, batch, hiddenSize }) : null;
        var statesShape = batchFirst ? new long[] { batch, directions, hiddenSize } : new long[] { directions, batch, hiddenSize };
        var hidden = InitialState(context.OptionalInput(5), statesShape);
        var cellState = cell.HasCellState ? InitialState(context.OptionalInput(6), statesShape) : null;
        for (int d = 0; d < directions; d++)
        {
            RunDirection(d, y, hidden, cellState);
        }
        if (y is not null)
        {
            context.SetOutput(0, y);
        }
        if (context.HasOutput(1))
        {
            context.SetOutput(1, hidden);
        }
        if (cellState is not null && context.HasOutput(2))
        {
            context.SetOutput(2, cellState);
        }
    }

    /// <summary>Runs one direction, updating its slice of the state tensors in place and filling Y.</summary>
    private void RunDirection(int d, Tensor? y, Tensor hidden, Tensor? cellState)
    {
        bool reverse = direction == "reverse" || d == 1;
        var projection = ProjectInputs(d);
        var recurrence = r.Span<T>().Slice(d * gateWidth * hiddenSize, gateWidth * hiddenSize);
        var recurrenceBias = bias is null ? new T[gateWidth] : bias.Span<T>().Slice(d * 2 * gateWidth + gateWidth, gateWidth);
        var peephole = peepholes is null ? ReadOnlySpan<T>.Empty : peepholes.Span<T>().Slice(d * 3 * hiddenSize, 3 * hiddenSize);
        var active = activations.AsSpan(d * cell.DefaultActivations.Count, cell.DefaultActivations.Count);
        var gates = new T[gateWidth];
        var scratch = new T[gateWidth];
        for (int b = 0; b < batch; b++)
        {
            var h = hidden.Span<T>().Slice(StateOffset(d, b), hiddenSize);
            var c = cellState is null ? Span<T>.Empty : cellState.Span<T>().Slice(StateOffset(d, b), hiddenSize);
            for (int s = 0; s < lengths[b]; s++)
            {
                int t = reverse ? lengths[b] - 1 - s : s;
                projection.AsSpan((t * batch + b) * gateWidth, gateWidth).CopyTo(gates);
                var step = new CellStep<T>
                {
                    Gates = gates,
                    Hidden = h,
                    Cell = c,
                    Recurrence = recurrence,
                    RecurrenceBias = recurrenceBias,
                    Peepholes = peephole,
                    Activations = active,
                    Scratch = scratch,
                    Clip = clip,
                };
                cell.Step(ref step);
                if (y is not null)
                {
                    h.CopyTo(y.Span<T>().Slice(OutputOffset(t, d, b), hiddenSize));
                }
            }
        }
    }

    /// <summary>X_t·Wᵀ + Wb for every time step and batch entry at once, [seq, batch, gates × hidden].</summary>
    private T[] ProjectInputs(int d)
    {
        var projection = new T[sequenceLength * batch * gateWidth];
        var weights = w.Span<T>().Slice(d * gateWidth * inputSize, gateWidth * inputSize);
        var inputs = x.Span<T>();
        for (int t = 0; t < sequenceLength; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                int row = batchFirst ? b * sequenceLength + t : t * batch + b;
                var target = projection.AsSpan((t * batch + b) * gateWidth, gateWidth);
                CellStep<T>.MultiplyTransposed(weights, inputs.Slice(row * inputSize, inputSize), target);
                if (bias is not null)
                {
                    TensorPrimitives.Add(target, bias.Span<T>().Slice(d * 2 * gateWidth, gateWidth), target);
                }
            }
        }
        return projection;
    }

    private int StateOffset(int d, int b) => (batchFirst ? b * directions + d : d * batch + b) * hiddenSize;

    private int OutputOffset(int t, int d, int b) =>
        (batchFirst ? (b * sequenceLength + t) * directions + d : (t * directions + d) * batch + b) * hiddenSize;

    /// <summary>A fresh state tensor (the outputs Y_h / Y_c) holding the initial value, or zeros.</summary>
    private Tensor InitialState(Tensor? initial, long[] shape)
    {
        if (initial is null)
        {
            return Tensor.Create(x.Type, shape);
        }
        if (!initial.Dims.AsSpan().SequenceEqual(shape))
        {
            throw new ArgumentException($"Initial states must have shape [{string.Join(",", shape)}], got [{string.Join(",", initial.Dims)}].");
        }
        return initial.Clone();
    }

    private int[] SequenceLengths(Tensor? sequenceLens)
    {
        if (sequenceLens is not null && sequenceLens.Length != batch)
        {
            throw new ArgumentException($"sequence_lens must have {batch} entries, got {sequenceLens.Length}.");
        }
        var result = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            long length = sequenceLens is null ? sequenceLength : sequenceLens.GetInt64(b);
            if (length < 0 || length > sequenceLength)
            {
                throw new ArgumentException($"sequence_lens[{b}] = {length} is outside [0, {sequenceLength}].");
            }
            result[b] = (int)length;
        }
        return result;
    }

    /// <summary>The activations of every direction, forward's first; one direction's list serves both when only it is given.</summary>
    private RecurrentActivation[] Activations()
    {
        int perDirection = cell.DefaultActivations.Count;
        IReadOnlyList<string> names = context.Node.GetStrings("activations") ?? Enumerable.Repeat(cell.DefaultActivations, directions).SelectMany(a => a).ToArray();
        if (names.Count == perDirection && directions == 2)
        {
            names = names.Concat(names).ToArray();
        }
        if (names.Count != perDirection * directions)
        {
            throw new ArgumentException($"{context.Node.OpType} needs {perDirection * directions} activations, got {names.Count}.");
        }
        return RecurrentActivation.Parse(names, context.GetFloats("activation_alpha"), context.GetFloats("activation_beta"));
    }

    private static void CheckShape(Tensor tensor, string name, params long[] expected)
    {
        if (!tensor.Dims.AsSpan().SequenceEqual(expected))
        {
            throw new ArgumentException($"{name} must have shape [{string.Join(",", expected)}], got [{string.Join(",", tensor.Dims)}].");
        }
    }
}
