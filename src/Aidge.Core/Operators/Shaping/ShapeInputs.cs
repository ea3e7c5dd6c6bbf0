using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>
/// What inference can learn from shape-like inputs (shapes, axes, pads, repeats) and how it multiplies dims
/// that may be symbolic. Shared by the data-movement operator families.
/// </summary>
public static class ShapeInputs
{
    /// <summary>Input index as int64 values when its data is known at compile time, else null.</summary>
    public static long[]? ConstantInts(this InferenceContext context, int index) => context.ConstantInput(index)?.ToInt64Array();

    /// <summary>The length of a 1-D input when its shape is known, else null.</summary>
    public static int? StaticLength(this InferenceContext context, int index) =>
        context.InputShape(index) is { Rank: 1 } shape && shape[0].Value is long n ? checked((int)n) : null;

    /// <summary>
    /// The product of dims: known when all are known; the symbol itself when it is the only factor other than
    /// known ones equal to 1 (so <c>[batch, 1]</c> flattens to <c>batch</c>); unknown otherwise.
    /// </summary>
    public static Dim Product(IEnumerable<Dim> dims)
    {
        long known = 1;
        Dim? single = null;
        int unknownFactors = 0;
        foreach (var dim in dims)
        {
            if (dim.Value is long value)
            {
                known *= value;
            }
            else
            {
                unknownFactors++;
                single = dim;
            }
        }
        if (known == 0)
        {
            return 0;
        }
        if (unknownFactors == 0)
        {
            return known;
        }
        return unknownFactors == 1 && known == 1 ? single!.Value : Dim.Unknown;
    }

    /// <summary>The sum of dims: known when all are known, else unknown.</summary>
    public static Dim Sum(IEnumerable<Dim> dims)
    {
        long total = 0;
        foreach (var dim in dims)
        {
            if (dim.Value is not long value)
            {
                return Dim.Unknown;
            }
            total += value;
        }
        return total;
    }

    /// <summary>
    /// <paramref name="numerator"/>'s product divided by <paramref name="denominator"/>'s, cancelling symbols that
    /// appear on both sides; unknown when what is left is not a known integer or a single symbol.
    /// </summary>
    public static Dim Quotient(IEnumerable<Dim> numerator, IEnumerable<Dim> denominator)
    {
        var (knownTop, symbolsTop) = Split(numerator);
        var (knownBottom, symbolsBottom) = Split(denominator);
        if (symbolsTop is null || symbolsBottom is null)
        {
            return Dim.Unknown;
        }
        foreach (var symbol in symbolsBottom.ToList())
        {
            if (symbolsTop.Remove(symbol))
            {
                symbolsBottom.Remove(symbol);
            }
        }
        if (symbolsBottom.Count > 0 || knownBottom == 0 || knownTop % knownBottom != 0)
        {
            return Dim.Unknown;
        }
        long known = knownTop / knownBottom;
        return symbolsTop.Count switch
        {
            0 => known,
            1 when known == 1 => Dim.Named(symbolsTop[0]),
            _ => Dim.Unknown,
        };
    }

    /// <summary>
    /// For operators that only relabel dims (Reshape, Squeeze, Identity...): a constant input stays constant,
    /// viewed with the output's dims (no copy).
    /// </summary>
    public static void ForwardConstant(this InferenceContext context, Shape? output)
    {
        if (context.ConstantInput(0) is { } constant && output is { IsStatic: true } && output.ElementCount == constant.Length)
        {
            context.SetConstantOutput(0, constant.Reshape(output.ToArray()));
        }
    }

    /// <summary>Dims with one replaced (used by operators that change one axis).</summary>
    public static Shape With(this Shape shape, int axis, Dim dim) => new(shape.Select((d, i) => i == axis ? dim : d));

    private static (long Known, List<string>? Symbols) Split(IEnumerable<Dim> dims)
    {
        long known = 1;
        var symbols = new List<string>();
        foreach (var dim in dims)
        {
            if (dim.Value is long value)
            {
                known *= value;
            }
            else if (dim.Symbol is { } symbol)
            {
                symbols.Add(symbol);
            }
            else
            {
                return (known, null);
            }
        }
        return (known, symbols);
    }
}
