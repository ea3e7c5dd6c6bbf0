using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>
/// Split along an axis into the outputs: lengths from the <c>split</c> attribute (opsets 1-12) or input (1 and 13+),
/// <c>num_outputs</c> chunks (18+, the last one smaller), or equal parts.
/// </summary>
public sealed class SplitFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Split", 1).Until(1).Inputs(1, 2).Outputs(1, int.MaxValue)
            .Attr("axis", AttributeKind.Int, 0L).Attr("split", AttributeKind.Ints).Infer(Infer);
        registry.Add("Split", 2).Until(12).Inputs(1).Outputs(1, int.MaxValue)
            .Attr("axis", AttributeKind.Int, 0L).Attr("split", AttributeKind.Ints).Infer(Infer);
        registry.Add("Split", 13).Until(17).Inputs(1, 2).Outputs(1, int.MaxValue)
            .Attr("axis", AttributeKind.Int, 0L).Infer(Infer);
        registry.Add("Split", 18).Inputs(1, 2).Outputs(1, int.MaxValue)
            .Attr("axis", AttributeKind.Int, 0L).Attr("num_outputs", AttributeKind.Int).Infer(Infer);
    }

    /// <summary>Whether explicit lengths come as input 1 (opsets 1 and 13+) rather than the attribute.</summary>
    public static bool SplitIsInput(int opsetVersion) => opsetVersion == 1 || opsetVersion >= 13;

    /// <summary>The length of each of <paramref name="outputs"/> parts of an axis of length <paramref name="dim"/>.</summary>
    public static long[] Sizes(long dim, long[]? split, int outputs, long? numOutputs)
    {
        if (split is not null)
        {
            if (split.Length != outputs || split.Any(s => s < 0) || split.Sum() != dim)
            {
                throw new ArgumentException($"split [{string.Join(",", split)}] does not divide a dim of {dim} into {outputs} outputs.");
            }
            return split;
        }
        if (numOutputs is long count)
        {
            if (count != outputs || count <= 0)
            {
                throw new ArgumentException($"num_outputs is {count} but the node has {outputs} outputs.");
            }
            long chunk = (dim + count - 1) / count;
            return Enumerable.Range(0, outputs).Select(i => Math.Clamp(dim - i * chunk, 0, chunk)).ToArray();
        }
        if (dim % outputs != 0)
        {
            throw new ArgumentException($"A dim of {dim} does not split into {outputs} equal parts.");
        }
        return Enumerable.Repeat(dim / outputs, outputs).ToArray();
    }

    private static void Infer(InferenceContext context)
    {
        var element = context.InputElementType(0);
        if (context.InputShape(0) is not { } input)
        {
            for (int i = 0; i < context.OutputCount; i++)
            {
                context.SetOutput(i, element, null);
            }
            return;
        }
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        bool splitIsInput = SplitIsInput(context.OpsetVersion);
        long[]? split = splitIsInput ? context.ConstantInts(1) : context.GetInts("split");
        bool splitUnknown = splitIsInput && context.HasInput(1) && split is null;
        long? numOutputs = context.OpsetVersion >= 18 ? context.Node.FindAttribute("num_outputs")?.AsInt() : null;
        long[]? sizes = null;
        if (!splitUnknown && (split is not null || input[axis].IsKnown))
        {
            sizes = Sizes(input[axis].Value ?? split!.Sum(), split, context.OutputCount, numOutputs);
        }
        for (int i = 0; i < context.OutputCount; i++)
        {
            context.SetOutput(i, element, input.With(axis, sizes is null ? Dim.Unknown : sizes[i]));
        }
    }
}
