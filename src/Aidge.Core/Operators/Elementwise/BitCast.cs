using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>BitCast (opset 26): the same bits read as another type of the same width; the shape is unchanged.</summary>
public sealed class BitCast : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("BitCast", 26).Inputs(1).Outputs(1).RequiredAttr("to", AttributeKind.Int)
            .Infer(context => context.SetOutput(0, Cast.TargetType(context.Node), context.InputShape(0)));
}
