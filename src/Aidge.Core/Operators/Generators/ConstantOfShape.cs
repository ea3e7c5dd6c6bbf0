using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Generators;

/// <summary>ConstantOfShape (a shape input filled with the one-element <c>value</c>) and EyeLike.</summary>
public sealed class ConstantOfShapeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("ConstantOfShape", 9).Inputs(1).Outputs(1).Attr("value", AttributeKind.Tensor).Infer(context =>
        {
            var element = FillValue(context.Node).Type;
            if (context.ConstantInts(0) is { } dims)
            {
                context.SetOutput(0, element, new Shape(dims));
            }
            else
            {
                context.SetOutput(0, element, context.StaticLength(0) is int rank ? Shape.OfRank(rank) : null);
            }
        });
        registry.Add("EyeLike", 9).Inputs(1).Outputs(1)
            .Attr("dtype", AttributeKind.Int)
            .Attr("k", AttributeKind.Int, 0L)
            .Infer(context =>
            {
                if (context.InputShape(0) is { Rank: not 2 } shape)
                {
                    throw context.Fail($"EyeLike needs a 2-D input, got {shape}.");
                }
                context.SetOutput(0, OutputType(context.Node, context.InputElementType(0)), context.InputShape(0));
            });
    }

    /// <summary>The one-element tensor ConstantOfShape fills with: its <c>value</c> attribute, else float 0.</summary>
    public static Tensor FillValue(Node node) =>
        node.GetTensor("value") ?? Tensor.FromArray([0f], 1);

    /// <summary>EyeLike's element type: the <c>dtype</c> attribute, else the input's.</summary>
    public static DataType OutputType(Node node, DataType input) =>
        node.FindAttribute("dtype") is { } dtype ? (DataType)dtype.AsInt() : input;
}
