using Aidge.Core.Graphs;
using Aidge.Core.Operators.ControlFlow;

namespace Aidge.Core.Operators.Sequence;

/// <summary>SequenceMap (17): runs a body once per position of the input sequence(s) and collects sequences.</summary>
public sealed class SequenceMapOperator : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("SequenceMap", 17).Inputs(1, int.MaxValue).Outputs(1, int.MaxValue)
            .RequiredAttr("body", AttributeKind.Graph)
            .Infer(Infer);

    /// <summary>A sequence input feeds the body one of its tensors, a tensor input feeds it whole.</summary>
    private static void Infer(InferenceContext ctx)
    {
        var body = ctx.Node.GetGraph("body")!;
        if (body.Inputs.Count != ctx.InputCount || body.Outputs.Count != ctx.OutputCount)
        {
            throw ctx.Fail($"the body takes {body.Inputs.Count} inputs and returns {body.Outputs.Count}, the node has {ctx.InputCount} and {ctx.OutputCount}.");
        }
        for (int i = 0; i < ctx.InputCount; i++)
        {
            var fed = ctx.InputType(i);
            SubgraphTypes.TypeInput(body.Inputs[i], fed is SequenceType sequence ? sequence.Element : fed);
        }
        ctx.InferSubgraph(body);
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            if (body.Outputs[i].Type is { } element)
            {
                ctx.SetOutput(i, new SequenceType(element));
            }
        }
    }
}
