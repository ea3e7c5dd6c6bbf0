using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Einsum;

/// <summary>Einsum (opset 12): each output axis takes the size of its label in the inputs.</summary>
public sealed class Einsum : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Einsum", 12).Inputs(1, int.MaxValue).Outputs(1)
            .RequiredAttr("equation", AttributeKind.String)
            .Infer(ctx =>
            {
                var element = ctx.InputElementType(0);
                var shapes = Enumerable.Range(0, ctx.InputCount).Select(ctx.InputShape).ToList();
                if (shapes.Any(s => s is null))
                {
                    ctx.SetOutput(0, element, null);
                    return;
                }
                var equation = EinsumEquation.Parse(ctx.GetString("equation"), shapes.Select(s => s!.Rank).ToList());
                ctx.SetOutput(0, element, new Shape(equation.Output.Select(label => SizeOf(label, equation, shapes!))));
            });
    }

    /// <summary>A label's size: the size it has where it is not broadcast; unknown when no input fixes it.</summary>
    private static Dim SizeOf(int label, EinsumEquation equation, List<Shape?> shapes)
    {
        bool allOne = true;
        for (int i = 0; i < shapes.Count; i++)
        {
            var labels = equation.Operands[i];
            for (int axis = 0; axis < labels.Length; axis++)
            {
                if (labels[axis] != label)
                {
                    continue;
                }
                var dim = shapes[i]![axis];
                if (dim.IsKnown && dim.Value != 1)
                {
                    return dim;
                }
                allOne &= dim.Value == 1;
            }
        }
        return allOne ? Dim.Of(1) : Dim.Unknown;
    }
}
