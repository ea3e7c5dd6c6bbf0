using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Movement;

/// <summary>ReverseSequence: reverses the first sequence_lens[b] steps of each batch entry along the time axis.</summary>
public sealed class ReverseSequenceFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("ReverseSequence", 10).Inputs(2).Outputs(1)
            .Attr("batch_axis", AttributeKind.Int, 1L)
            .Attr("time_axis", AttributeKind.Int, 0L)
            .Infer(context => context.PropagateInput());
}
