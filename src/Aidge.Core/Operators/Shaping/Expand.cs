using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>Expand: broadcasts the input to a shape given as an input (dims of 1 in that shape keep the input's).</summary>
public sealed class ExpandFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Expand", 8).Inputs(2).Outputs(1).Infer(context =>
        {
            var element = context.InputElementType(0);
            if (context.ConstantInts(1) is { } target)
            {
                context.SetOutput(0, element, ShapeMath.Broadcast(context.InputShape(0), new Shape(target)));
            }
            else if (context.InputShape(0) is { } input && context.StaticLength(1) is int rank)
            {
                context.SetOutput(0, element, Shape.OfRank(Math.Max(rank, input.Rank)));
            }
            else
            {
                context.SetOutput(0, element, null);
            }
        });
}
