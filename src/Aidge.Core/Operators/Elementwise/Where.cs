namespace Aidge.Core.Operators.Elementwise;

/// <summary>Where(condition, X, Y): X's element type, the broadcast shape of all three; folded on small constant integer vectors.</summary>
public sealed class Where : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Where", 9).Inputs(3).Outputs(1).Infer(IntegerFolding.Where);
}
