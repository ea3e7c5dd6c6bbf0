using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.ControlFlow;

/// <summary>If: runs then_branch or else_branch; the branch's outputs (tensors, sequences or optionals) are the node's.</summary>
[Kernel("If", SinceVersion = 1, WidenHalfPrecision = false)]
public sealed class IfKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var cond = context.Input(0);
        if (cond.Length != 1)
        {
            throw new ArgumentException($"If needs a single-element condition, got {cond}.");
        }
        var branch = context.Node.GetGraph(cond.GetDouble(0) != 0 ? "then_branch" : "else_branch")!;
        var results = context.RunSubgraph(branch, Array.Empty<object?>());
        for (int i = 0; i < results.Length; i++)
        {
            context.SetOutputValue(i, results[i]);
        }
    }
}
