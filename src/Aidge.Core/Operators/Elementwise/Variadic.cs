namespace Aidge.Core.Operators.Elementwise;

/// <summary>
/// Max, Min, Mean and Sum of one or more inputs. Numpy broadcasting arrived in opset 8; earlier versions required
/// equal shapes, which broadcasting reproduces, so one schema covers every version.
/// </summary>
public sealed class Variadic : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (var opType in new[] { "Max", "Min", "Mean", "Sum" })
        {
            registry.Add(opType, 1).Inputs(1, int.MaxValue).Outputs(1).Infer(ElementwiseInference.Broadcast);
        }
    }
}
