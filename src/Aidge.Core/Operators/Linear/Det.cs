using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Linear;

/// <summary>Det (11): the determinants of the [*, M, M] input's square matrices, shape [*].</summary>
public sealed class Det : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Det", 11).Inputs(1).Outputs(1).Infer(context =>
        {
            var input = context.InputShape(0);
            if (input is { Rank: < 2 })
            {
                throw context.Fail($"the input must be [*, M, M], not {input}.");
            }
            context.SetOutput(0, context.InputElementType(0), input is null ? null : new Shape(input.Take(input.Rank - 2)));
        });
}
