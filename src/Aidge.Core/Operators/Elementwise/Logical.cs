using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>Logical (bool) and bitwise (integer) binary operators and BitShift, with broadcasting.</summary>
public sealed class Logical : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (var opType in new[] { "And", "Or", "Xor" })
        {
            ElementwiseInference.AddBinary(registry, opType, 1, DataType.Bool);
        }
        foreach (var opType in new[] { "BitwiseAnd", "BitwiseOr", "BitwiseXor" })
        {
            registry.Add(opType, 18).Inputs(2).Outputs(1).Infer(ElementwiseInference.Broadcast);
        }
        registry.Add("BitShift", 11).Inputs(2).Outputs(1).RequiredAttr("direction", AttributeKind.String).Infer(ElementwiseInference.Broadcast);
    }
}
