using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>Transpose: output dim i is input dim perm[i]; perm defaults to reversing the dims.</summary>
public sealed class TransposeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Transpose", 1).Inputs(1).Outputs(1).Attr("perm", AttributeKind.Ints).Infer(context =>
        {
            var element = context.InputElementType(0);
            var perm = context.GetInts("perm");
            if (context.InputShape(0) is not { } input)
            {
                context.SetOutput(0, element, perm is null ? null : Shape.OfRank(perm.Length));
                return;
            }
            var order = Permutation(perm, input.Rank);
            context.SetOutput(0, element, new Shape(order.Select(axis => input[axis])));
        });

    /// <summary>The checked permutation for a rank: the attribute, or the reversal when it is absent.</summary>
    public static int[] Permutation(long[]? perm, int rank)
    {
        if (perm is null)
        {
            return Enumerable.Range(0, rank).Reverse().ToArray();
        }
        var order = perm.Select(p => ShapeMath.NormalizeAxis(p, rank)).ToArray();
        if (order.Length != rank || order.Distinct().Count() != rank)
        {
            throw new ArgumentException($"perm [{string.Join(",", perm)}] is not a permutation of {rank} axes.");
        }
        return order;
    }
}
