using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>Tile (opset 6+): each dim repeated <c>repeats[i]</c> times.</summary>
public sealed class TileFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Tile", 6).Inputs(2).Outputs(1).Infer(context =>
        {
            var element = context.InputElementType(0);
            if (context.InputShape(0) is not { } input)
            {
                context.SetOutput(0, element, context.StaticLength(1) is int rank ? Shape.OfRank(rank) : null);
                return;
            }
            if (context.ConstantInts(1) is not { } repeats)
            {
                context.SetOutput(0, element, Shape.OfRank(input.Rank));
                return;
            }
            if (repeats.Length != input.Rank || repeats.Any(r => r < 0))
            {
                throw context.Fail($"repeats [{string.Join(",", repeats)}] do not fit an input of rank {input.Rank}.");
            }
            context.SetOutput(0, element, new Shape(input.Select((d, i) => repeats[i] == 1 ? d : ShapeInputs.Product([d, repeats[i]]))));
        });
}
