using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sequence;

/// <summary>
/// Optional, OptionalHasElement and OptionalGetElement (15). From 18 the last two also accept a plain tensor
/// or sequence (always present), and OptionalHasElement's input may be omitted (never present).
/// </summary>
public sealed class OptionalOperators : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Optional", 15).Inputs(0, 1).Outputs(1)
            .Attr("type", AttributeKind.TypeProto)
            .Infer(InferOptional);

        registry.Add("OptionalHasElement", 15).Until(17).Inputs(1).Outputs(1).Infer(InferHasElement);
        registry.Add("OptionalHasElement", 18).Inputs(0, 1).Outputs(1).Infer(InferHasElement);

        registry.Add("OptionalGetElement", 15).Inputs(1).Outputs(1).Infer(InferGetElement);
    }

    private static void InferOptional(InferenceContext ctx)
    {
        var content = ctx.HasInput(0) ? ctx.InputType(0) : ctx.Node.FindAttribute("type")?.Value as IrType;
        if (content is null && !ctx.HasInput(0))
        {
            throw ctx.Fail("an Optional without input needs the 'type' attribute.");
        }
        if (content is not null)
        {
            ctx.SetOutput(0, new OptionalType(content));
        }
    }

    private static void InferHasElement(InferenceContext ctx) => ctx.SetOutput(0, DataType.Bool, Shape.Scalar);

    private static void InferGetElement(InferenceContext ctx)
    {
        var type = ctx.InputType(0) is OptionalType optional ? optional.Element : ctx.InputType(0);
        if (type is not null)
        {
            ctx.SetOutput(0, type);
        }
    }
}
