using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Indexing;

/// <summary>
/// Scatter (opsets 9-10), ScatterElements and ScatterND: a copy of the data with updates written at the indices,
/// optionally combined with what is there (reduction add/mul from opset 16, max/min from 18).
/// </summary>
public sealed class ScatterFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Scatter", 9).Until(10).Inputs(3).Outputs(1).Attr("axis", AttributeKind.Int, 0L).Infer(Infer);
        registry.Add("ScatterElements", 11).Until(15).Inputs(3).Outputs(1).Attr("axis", AttributeKind.Int, 0L).Infer(Infer);
        registry.Add("ScatterElements", 16).Inputs(3).Outputs(1)
            .Attr("axis", AttributeKind.Int, 0L)
            .Attr("reduction", AttributeKind.String, "none")
            .Infer(Infer);
        registry.Add("ScatterND", 11).Until(15).Inputs(3).Outputs(1).Infer(Infer);
        registry.Add("ScatterND", 16).Inputs(3).Outputs(1).Attr("reduction", AttributeKind.String, "none").Infer(Infer);
    }

    private static void Infer(InferenceContext context) => context.PropagateInput();
}
