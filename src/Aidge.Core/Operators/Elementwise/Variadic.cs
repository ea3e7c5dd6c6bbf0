namespace Aidge.Core.Operators.Elementwise;

/// <summary>
/// Max, Min, Mean and Sum of one or more inputs. Numpy broadcasting arrived in opset 8; earlier versions required
/// equal shapes, which broadcasting reproduces, so one schema covers every version. Max, Min and Sum fold on
/// small constant integer vectors (shape arithmetic).
/// </summary>
public sealed class Variadic : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        Add(registry, "Max", v => v.Max());
        Add(registry, "Min", v => v.Min());
        Add(registry, "Sum", v => v.Aggregate(0L, (sum, next) => sum + next));
        registry.Add("Mean", 1).Inputs(1, int.MaxValue).Outputs(1).Infer(ElementwiseInference.Broadcast);
    }

    private static void Add(OperatorRegistry registry, string opType, Func<long[], long?> fold) =>
        registry.Add(opType, 1).Inputs(1, int.MaxValue).Outputs(1).Infer(IntegerFolding.Integers(ElementwiseInference.Broadcast, fold));
}
