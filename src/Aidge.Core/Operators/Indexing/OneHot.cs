using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Indexing;

/// <summary>OneHot: a new axis of length depth holding values[1] at each index and values[0] elsewhere.</summary>
public sealed class OneHotFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("OneHot", 9).Inputs(3).Outputs(1).Attr("axis", AttributeKind.Int, -1L).Infer(context =>
        {
            var element = context.InputElementType(2);
            if (context.InputShape(0) is not { } indices)
            {
                context.SetOutput(0, element, null);
                return;
            }
            int rank = indices.Rank + 1;
            int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), rank);
            Dim depth = context.ConstantInput(1) is { } given ? Depth(given) : Dim.Unknown;
            var dims = indices.ToList();
            dims.Insert(axis, depth);
            context.SetOutput(0, element, new Shape(dims));
        });

    /// <summary>The depth input (a scalar or one-element tensor of any numeric type, fractions truncated).</summary>
    public static long Depth(Tensor depth)
    {
        long value = depth.Length == 1 ? (long)depth.GetDouble(0) : throw new ArgumentException("OneHot depth must have one element.");
        return value > 0 ? value : throw new ArgumentException($"OneHot depth {value} is not positive.");
    }
}
