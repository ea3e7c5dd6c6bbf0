using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Indexing;

/// <summary>Gather, GatherElements and GatherND (batch_dims from opset 12). Indices may be negative.</summary>
public sealed class GatherFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Gather", 1).Inputs(2).Outputs(1).Attr("axis", AttributeKind.Int, 0L).Infer(InferGather);
        registry.Add("GatherElements", 11).Inputs(2).Outputs(1).Attr("axis", AttributeKind.Int, 0L)
            .Infer(context => context.SetOutput(0, context.InputElementType(0), context.InputShape(1)));
        registry.Add("GatherND", 11).Until(11).Inputs(2).Outputs(1).Infer(InferGatherNd);
        registry.Add("GatherND", 12).Inputs(2).Outputs(1).Attr("batch_dims", AttributeKind.Int, 0L).Infer(InferGatherNd);
    }

    /// <summary>An index along a dim of the given size, negative ones counting from the end; throws when out of range.</summary>
    public static long Normalize(long index, long size)
    {
        long normalized = index < 0 ? index + size : index;
        return normalized >= 0 && normalized < size ? normalized : throw new ArgumentException($"Index {index} is out of range for a dim of {size}.");
    }

    private static void InferGather(InferenceContext context)
    {
        var element = context.InputElementType(0);
        if (context.InputShape(0) is not { } data || context.InputShape(1) is not { } indices)
        {
            context.SetOutput(0, element, null);
            return;
        }
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), data.Rank);
        var output = new Shape(data.Take(axis).Concat(indices).Concat(data.Skip(axis + 1)));
        context.SetOutput(0, element, output);
        // Picking entries of a small constant vector (a shape) keeps them constant: Shape -> Gather -> Unsqueeze -> Concat.
        if (data.Rank == 1 && SmallIntegers.Values(context, 0) is { } values && SmallIntegers.Values(context, 1) is { } picks)
        {
            var picked = picks.Select(i => values[Normalize(i, values.Length)]).ToArray();
            context.SetConstantOutput(0, SmallIntegers.Create(element, picked, output.ToArray()));
        }
    }

    private static void InferGatherNd(InferenceContext context)
    {
        var element = context.InputElementType(0);
        int batchDims = (int)context.Node.GetInt("batch_dims", 0);
        if (context.InputShape(0) is not { } data || context.InputShape(1) is not { Rank: > 0 } indices || indices[^1].Value is not long depth)
        {
            context.SetOutput(0, element, null);
            return;
        }
        if (batchDims + depth > data.Rank)
        {
            throw context.Fail($"indices of depth {depth} with batch_dims {batchDims} do not fit data of rank {data.Rank}.");
        }
        context.SetOutput(0, element, new Shape(indices.Take(indices.Rank - 1).Concat(data.Skip(batchDims + (int)depth))));
    }
}
