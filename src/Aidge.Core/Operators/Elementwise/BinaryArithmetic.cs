using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>
/// Add, Sub, Mul, Div, Pow (the result has the base's type) and Mod, with broadcasting. The four basic operations
/// fold on small constant integer vectors (shape arithmetic).
/// </summary>
public sealed class BinaryArithmetic : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        ElementwiseInference.AddBinary(registry, "Add", 1, resultElement: null, v => v[0] + v[1]);
        ElementwiseInference.AddBinary(registry, "Sub", 1, resultElement: null, v => v[0] - v[1]);
        ElementwiseInference.AddBinary(registry, "Mul", 1, resultElement: null, v => v[0] * v[1]);
        ElementwiseInference.AddBinary(registry, "Div", 1, resultElement: null, v => v[1] == 0 ? null : v[0] / v[1]);
        ElementwiseInference.AddBinary(registry, "Pow", 1, resultElement: null);
        registry.Add("Mod", 10).Inputs(2).Outputs(1).Attr("fmod", AttributeKind.Int, 0L).Infer(ElementwiseInference.Broadcast);
    }
}
