namespace Aidge.Simulation.Runtime;

/// <summary>Executes one operator: reads the node's inputs and attributes from the context and sets its outputs.</summary>
public interface IKernel
{
    void Execute(KernelContext context);
}
