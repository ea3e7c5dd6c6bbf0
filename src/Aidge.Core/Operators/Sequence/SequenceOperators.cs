using Aidge.Core.Graphs;
using Aidge.Core.Operators.ControlFlow;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sequence;

/// <summary>
/// The basic sequence operators (opset 11): build a sequence, read, insert or erase one tensor, count them.
/// A sequence's element type carries the shape its tensors share; dims where they differ are unknown.
/// </summary>
public sealed class SequenceOperators : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("SequenceEmpty", 11).Inputs(0).Outputs(1)
            .Attr("dtype", AttributeKind.Int, (long)DataType.Float)
            .Infer(ctx => ctx.SetOutput(0, new SequenceType(new TensorType((DataType)ctx.GetInt("dtype"), null))));

        registry.Add("SequenceConstruct", 11).Inputs(1, int.MaxValue).Outputs(1)
            .Infer(InferConstruct);

        registry.Add("SequenceAt", 11).Inputs(2).Outputs(1)
            .Infer(ctx =>
            {
                if (ElementOf(ctx.InputType(0)) is { } element)
                {
                    ctx.SetOutput(0, element);
                }
            });

        registry.Add("SequenceInsert", 11).Inputs(2, 3).Outputs(1)
            .Infer(ctx =>
            {
                if (SubgraphTypes.Unify(ElementOf(ctx.InputType(0)), ctx.InputType(1)) is { } element)
                {
                    ctx.SetOutput(0, new SequenceType(element));
                }
            });

        registry.Add("SequenceErase", 11).Inputs(1, 2).Outputs(1)
            .Infer(ctx => ctx.PropagateInput());

        registry.Add("SequenceLength", 11).Inputs(1).Outputs(1)
            .Infer(ctx => ctx.SetOutput(0, DataType.Int64, Shape.Scalar));
    }

    /// <summary>The type of one tensor of a sequence type, or null when the input is not known to be a sequence.</summary>
    public static IrType? ElementOf(IrType? sequence) => (sequence as SequenceType)?.Element;

    private static void InferConstruct(InferenceContext ctx)
    {
        IrType? element = null;
        for (int i = 0; i < ctx.InputCount; i++)
        {
            element = i == 0 ? ctx.InputType(0) : SubgraphTypes.Unify(element, ctx.InputType(i));
        }
        if (element is not null)
        {
            ctx.SetOutput(0, new SequenceType(element));
        }
    }
}
