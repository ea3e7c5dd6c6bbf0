namespace Aidge.Core.Operators.Elementwise;

/// <summary>Where(condition, X, Y): X's element type, the broadcast shape of all three.</summary>
public sealed class Where : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Where", 9).Inputs(3).Outputs(1).Infer(context => ElementwiseInference.Broadcast(context, context.InputElementType(1)));
}
