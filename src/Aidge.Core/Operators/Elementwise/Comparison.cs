using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>Comparisons: a bool tensor of the broadcast shape.</summary>
public sealed class Comparison : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (var opType in new[] { "Equal", "Greater", "Less" })
        {
            ElementwiseInference.AddBinary(registry, opType, 1, DataType.Bool);
        }
        foreach (var opType in new[] { "GreaterOrEqual", "LessOrEqual" })
        {
            registry.Add(opType, 12).Inputs(2).Outputs(1).Infer(ElementwiseInference.BroadcastToBool);
        }
    }
}
