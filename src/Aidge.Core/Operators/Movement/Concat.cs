using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>Concat along an axis (defaulting to 1 before opset 4, required after). Small integer constants fold, for shape computations.</summary>
public sealed class ConcatFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Concat", 1).Until(3).Inputs(1, int.MaxValue).Outputs(1).Attr("axis", AttributeKind.Int, 1L).Infer(Infer);
        registry.Add("Concat", 4).Inputs(1, int.MaxValue).Outputs(1).RequiredAttr("axis", AttributeKind.Int).Infer(Infer);
    }

    private static void Infer(InferenceContext context)
    {
        var element = context.InputElementType(0);
        var shapes = Enumerable.Range(0, context.InputCount).Select(context.InputShape).ToList();
        if (shapes.Any(s => s is null))
        {
            var known = shapes.FirstOrDefault(s => s is not null);
            context.SetOutput(0, element, known is null ? null : Shape.OfRank(known.Rank));
            return;
        }
        int rank = shapes[0]!.Rank;
        if (shapes.Any(s => s!.Rank != rank))
        {
            throw context.Fail("inputs have different ranks.");
        }
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), rank);
        var dims = new Dim[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = i == axis
                ? ShapeInputs.Sum(shapes.Select(s => s![i]))
                : shapes.Select(s => s![i]).FirstOrDefault(d => d.IsKnown, shapes.Select(s => s![i]).FirstOrDefault(d => d.Symbol is not null));
        }
        var output = new Shape(dims);
        context.SetOutput(0, element, output);
        if (rank == 1 && SmallIntegers.AllConstant(context, out var parts))
        {
            context.SetConstantOutput(0, SmallIntegers.Create(element, parts.SelectMany(p => p).ToArray()));
        }
    }
}
