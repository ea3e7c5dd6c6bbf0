using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Recurrent;

/// <summary>
/// LSTM with gates i, o, f, c (f = Sigmoid, g = h = Tanh by default), optional peepholes P[iof], and
/// input_forget coupling the forget gate to the input gate (f = 1 - i).
/// </summary>
[Kernel("LSTM", SinceVersion = 1)]
public sealed class LstmKernel : IKernel, IRecurrentCellFactory
{
    public void Execute(KernelContext context) => RecurrentLayer.Run(context, this);

    IRecurrentCell<T> IRecurrentCellFactory.Create<T>(KernelContext context) =>
        new LstmCell<T>(context.GetInt("input_forget", 0) != 0);
}

internal sealed class LstmCell<T> : IRecurrentCell<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly string[] Defaults = { "Sigmoid", "Tanh", "Tanh" };
    private readonly bool inputForget;

    public LstmCell(bool inputForget) => this.inputForget = inputForget;

    public int Gates => 4;

    public bool HasCellState => true;

    public IReadOnlyList<string> DefaultActivations => Defaults;

    public void Step(ref CellStep<T> step)
    {
        step.AddRecurrence();
        var i = step.Block(step.Gates, 0);
        var o = step.Block(step.Gates, 1);
        var f = step.Block(step.Gates, 2);
        var c = step.Block(step.Gates, 3);
        var cell = step.Cell;
        bool peep = !step.Peepholes.IsEmpty;
        int hidden = step.HiddenSize;

        if (peep)
        {
            TensorPrimitives.MultiplyAdd(step.Peepholes[..hidden], cell, i, i);
        }
        step.Activate(0, i);
        if (inputForget)
        {
            // f = 1 - i
            TensorPrimitives.Negate(i, f);
            TensorPrimitives.Add(f, T.One, f);
        }
        else
        {
            if (peep)
            {
                TensorPrimitives.MultiplyAdd(step.Peepholes.Slice(2 * hidden, hidden), cell, f, f);
            }
            step.Activate(0, f);
        }
        step.Activate(1, c);

        // C = f ⊙ C + i ⊙ c
        TensorPrimitives.Multiply(f, cell, cell);
        TensorPrimitives.MultiplyAdd(i, c, cell, cell);

        if (peep)
        {
            TensorPrimitives.MultiplyAdd(step.Peepholes.Slice(hidden, hidden), cell, o, o);
        }
        step.Activate(0, o);

        // H = o ⊙ h(C); c is dead, so it holds h(C).
        cell.CopyTo(c);
        step.Activate(2, c);
        TensorPrimitives.Multiply(o, c, step.Hidden);
    }
}
