using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Recurrent;

/// <summary>
/// GRU with gates z, r, h (f = Sigmoid, g = Tanh by default). linear_before_reset chooses whether the reset
/// gate scales H_{t-1} before the product with Rh (0, the default) or the product itself (1, as cuDNN does).
/// </summary>
[Kernel("GRU", SinceVersion = 1)]
public sealed class GruKernel : IKernel, IRecurrentCellFactory
{
    public void Execute(KernelContext context) => RecurrentLayer.Run(context, this);

    IRecurrentCell<T> IRecurrentCellFactory.Create<T>(KernelContext context) =>
        new GruCell<T>(context.GetInt("linear_before_reset", 0) != 0);
}

internal sealed class GruCell<T> : IRecurrentCell<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly string[] Defaults = { "Sigmoid", "Tanh" };
    private readonly bool linearBeforeReset;

    public GruCell(bool linearBeforeReset) => this.linearBeforeReset = linearBeforeReset;

    public int Gates => 3;

    public bool HasCellState => false;

    public IReadOnlyList<string> DefaultActivations => Defaults;

    public void Step(ref CellStep<T> step)
    {
        int hidden = step.HiddenSize;
        var previous = step.Hidden;
        // z and r: their recurrent products are plain, so compute both blocks (and h's too when it is linear before reset).
        int plainRows = (linearBeforeReset ? 3 : 2) * hidden;
        var product = step.Scratch;
        CellStep<T>.MultiplyTransposed(step.Recurrence[..(plainRows * hidden)], previous, product[..plainRows]);
        TensorPrimitives.Add(product[..plainRows], step.RecurrenceBias[..plainRows], product[..plainRows]);

        var z = step.Block(step.Gates, 0);
        var r = step.Block(step.Gates, 1);
        var h = step.Block(step.Gates, 2);
        TensorPrimitives.Add(z, step.Block(product, 0), z);
        TensorPrimitives.Add(r, step.Block(product, 1), r);
        step.Activate(0, z);
        step.Activate(0, r);

        var candidate = step.Block(product, 2);
        if (linearBeforeReset)
        {
            // h += r ⊙ (H·Rhᵀ + Rbh)
            TensorPrimitives.MultiplyAdd(r, candidate, h, h);
        }
        else
        {
            // h += (r ⊙ H)·Rhᵀ + Rbh; r is dead after this, so it holds r ⊙ H.
            TensorPrimitives.Multiply(r, previous, r);
            CellStep<T>.MultiplyTransposed(step.Recurrence.Slice(2 * hidden * hidden, hidden * hidden), r, candidate);
            TensorPrimitives.Add(h, candidate, h);
            TensorPrimitives.Add(h, step.RecurrenceBias.Slice(2 * hidden, hidden), h);
        }
        step.Activate(1, h);

        // H = (1 - z) ⊙ h + z ⊙ H = h + z ⊙ (H - h)
        TensorPrimitives.Subtract(previous, h, previous);
        TensorPrimitives.MultiplyAdd(z, previous, h, previous);
    }
}
