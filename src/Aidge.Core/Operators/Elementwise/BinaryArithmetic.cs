using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>Add, Sub, Mul, Div, Pow (the result has the base's type) and Mod, with broadcasting.</summary>
public sealed class BinaryArithmetic : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (var opType in new[] { "Add", "Sub", "Mul", "Div", "Pow" })
        {
            ElementwiseInference.AddBinary(registry, opType, 1, resultElement: null);
        }
        registry.Add("Mod", 10).Inputs(2).Outputs(1).Attr("fmod", AttributeKind.Int, 0L).Infer(ElementwiseInference.Broadcast);
    }
}
