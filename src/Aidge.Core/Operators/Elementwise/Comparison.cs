using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>Comparisons: a bool tensor of the broadcast shape; folded on small constant integer vectors.</summary>
public sealed class Comparison : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        ElementwiseInference.AddBinary(registry, "Equal", 1, DataType.Bool, v => v[0] == v[1] ? 1 : 0);
        ElementwiseInference.AddBinary(registry, "Greater", 1, DataType.Bool, v => v[0] > v[1] ? 1 : 0);
        ElementwiseInference.AddBinary(registry, "Less", 1, DataType.Bool, v => v[0] < v[1] ? 1 : 0);
        registry.Add("GreaterOrEqual", 12).Inputs(2).Outputs(1)
            .Infer(IntegerFolding.Integers(ElementwiseInference.BroadcastToBool, v => v[0] >= v[1] ? 1 : 0));
        registry.Add("LessOrEqual", 12).Inputs(2).Outputs(1)
            .Infer(IntegerFolding.Integers(ElementwiseInference.BroadcastToBool, v => v[0] <= v[1] ? 1 : 0));
    }
}
