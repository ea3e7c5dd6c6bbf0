using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>
/// Identity (of tensors, and from opsets 14 and 16 of sequences and optionals) and Dropout, which is the
/// identity at inference and, in training mode (opset 12+), also produces a mask.
/// </summary>
public sealed class IdentityFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Identity", 1).Inputs(1).Outputs(1).Infer(context =>
        {
            context.PropagateInput();
            context.ForwardConstant(context.InputShape(0));
        });
        registry.Add("Dropout", 1).Until(5).Inputs(1).Outputs(1, 2)
            .Attr("is_test", AttributeKind.Int, 0L)
            .Attr("ratio", AttributeKind.Float, 0.5f)
            .Attr("consumed_inputs", AttributeKind.Ints)
            .Infer(InferDropout);
        registry.Add("Dropout", 6).Until(6).Inputs(1).Outputs(1, 2)
            .Attr("is_test", AttributeKind.Int, 0L)
            .Attr("ratio", AttributeKind.Float, 0.5f)
            .Infer(InferDropout);
        registry.Add("Dropout", 7).Until(11).Inputs(1).Outputs(1, 2)
            .Attr("ratio", AttributeKind.Float, 0.5f)
            .Infer(InferDropout);
        registry.Add("Dropout", 12).Inputs(1, 3).Outputs(1, 2)
            .Attr("seed", AttributeKind.Int)
            .Infer(InferDropout);
    }

    private static void InferDropout(InferenceContext context)
    {
        context.PropagateInput();
        // The mask has the data's type until opset 10 made it bool.
        var maskType = context.OpsetVersion >= 10 ? DataType.Bool : context.InputElementType(0);
        context.SetOutput(1, maskType, context.InputShape(0));
    }
}
