using Aidge.Core.Operators.Elementwise;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Text;

/// <summary>StringConcat (20): elementwise concatenation of two broadcast string tensors.</summary>
public sealed class StringConcat : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("StringConcat", 20).Inputs(2).Outputs(1).Infer(context => ElementwiseInference.Broadcast(context, DataType.String));
}
