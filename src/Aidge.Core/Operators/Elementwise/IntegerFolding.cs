using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>
/// Compile-time evaluation of elementwise arithmetic on the small integer vectors of shape computations
/// (<c>Shape → Gather → Mul/Div → Concat → Reshape</c>, <c>Equal(shape, -1) → Where</c>), so the shapes they
/// feed become static. Only int32/int64 scalars and short vectors are folded; anything else is left to run time.
/// </summary>
internal static class IntegerFolding
{
    /// <summary>Runs the inference, then folds output 0 when every input is a small constant integer vector.</summary>
    public static Action<InferenceContext> Integers(Action<InferenceContext> inference, Func<long[], long?> function) => context =>
    {
        inference(context);
        if (SmallIntegers.AllConstant(context, out var values) && SameIntegerType(context))
        {
            SetResult(context, values, function, context.Node.Output(0)?.ElementType ?? DataType.Undefined);
        }
    };

    /// <summary>Where with a constant bool condition and small constant integer branches.</summary>
    public static void Where(InferenceContext context)
    {
        ElementwiseInference.Broadcast(context, context.InputElementType(1));
        if (context.ConstantInput(0) is { Type: DataType.Bool, Rank: <= 1, Length: <= SmallIntegers.MaxLength } condition
            && SmallIntegers.Values(context, 1) is { } x && SmallIntegers.Values(context, 2) is { } y
            && context.InputElementType(1) == context.InputElementType(2))
        {
            var flags = condition.Span<byte>().ToArray().Select(b => (long)b).ToArray();
            SetResult(context, [flags, x, y], v => v[0] != 0 ? v[1] : v[2], context.InputElementType(1));
        }
    }

    private static bool SameIntegerType(InferenceContext context) =>
        Enumerable.Range(1, context.InputCount - 1).All(i => context.InputElementType(i) == context.InputElementType(0));

    private static void SetResult(InferenceContext context, List<long[]> values, Func<long[], long?> function, DataType type)
    {
        int length = values.Max(v => v.Length);
        if (type is not (DataType.Int32 or DataType.Int64 or DataType.Bool) || values.Any(v => v.Length != length && v.Length != 1))
        {
            return;
        }
        bool vector = Enumerable.Range(0, values.Count).Any(i => context.ConstantInput(i)!.Rank == 1);
        var result = new long[length];
        var operands = new long[values.Count];
        for (int i = 0; i < length; i++)
        {
            for (int k = 0; k < values.Count; k++)
            {
                operands[k] = values[k][values[k].Length == 1 ? 0 : i];
            }
            if (function(operands) is not { } element || type == DataType.Int32 && element != (int)element)
            {
                return;
            }
            result[i] = element;
        }
        long[] dims = vector ? [length] : [];
        context.SetConstantOutput(0, type == DataType.Bool
            ? Tensor.FromSpan<byte>(DataType.Bool, dims, result.Select(b => b != 0 ? (byte)1 : (byte)0).ToArray())
            : SmallIntegers.Create(type, result, dims));
    }
}
