using System.Numerics;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Recurrent;

/// <summary>RNN: H_t = f(X_t·Wᵀ + H_{t-1}·Rᵀ + Wb + Rb), f = Tanh by default.</summary>
[Kernel("RNN", SinceVersion = 1)]
public sealed class RnnKernel : IKernel, IRecurrentCellFactory
{
    public void Execute(KernelContext context) => RecurrentLayer.Run(context, this);

    IRecurrentCell<T> IRecurrentCellFactory.Create<T>(KernelContext context) => new RnnCell<T>();
}

internal sealed class RnnCell<T> : IRecurrentCell<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly string[] Defaults = { "Tanh" };

    public int Gates => 1;

    public bool HasCellState => false;

    public IReadOnlyList<string> DefaultActivations => Defaults;

    public void Step(ref CellStep<T> step)
    {
        step.AddRecurrence();
        step.Activate(0, step.Gates);
        step.Gates.CopyTo(step.Hidden);
    }
}
