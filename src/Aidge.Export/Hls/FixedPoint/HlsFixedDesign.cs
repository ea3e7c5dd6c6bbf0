using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Export.Hls.FixedPoint;

/// <summary>
/// The number formats of a float graph compiled to fixed point: every activation and weight in <see cref="Data"/> (the
/// Precision metadata), every multiply-add summed in <see cref="Accumulator"/>. The accumulator keeps the products'
/// fraction bits (2F, so sums are exact) and integer bits for the longest sum of the design (2I + the bits of its term
/// count, bias included; I rather than 2I when I is negative, where a value, a bias or a pool's term, outweighs a
/// product), within 63 bits so that a product added to it still fits aidge::fixed's 64. When 2F does not
/// fit beside those integer bits the accumulator drops fraction bits, and each product is truncated as it is added.
/// </summary>
public sealed record HlsFixedDesign(FixedPointFormat Data, FixedPointFormat Accumulator, long LongestSum)
{
    /// <summary>The widest accumulator: a product added to it (one bit more) stays within 64 bits.</summary>
    public const int MaxAccumulatorWidth = 63;

    /// <summary>The design for <paramref name="precision"/>; null (with a reason) when no accumulator fits.</summary>
    public static HlsFixedDesign? For(FixedPointFormat precision, Graph graph, out string? error)
    {
        error = null;
        long longest = Math.Max(1, graph.Nodes.Select(FixedPointLayers.SummedTerms).DefaultIfEmpty(1).Max());
        int integer = Math.Max(2 * precision.IntegerBits, precision.IntegerBits) + BitsFor(longest + 1);
        int fraction = Math.Min(2 * precision.FractionBits, MaxAccumulatorWidth - integer);
        if (fraction < precision.FractionBits)
        {
            error = $"{precision} leaves no room for an accumulator: sums of {longest} products need {integer} integer bits and at least {precision.FractionBits} fraction bits, more than {MaxAccumulatorWidth}; use fewer integer or fraction bits";
            return null;
        }
        return new HlsFixedDesign(precision, new FixedPointFormat(integer + fraction, integer), longest);
    }

    /// <summary>Whether each product loses fraction bits as it is added (the accumulator is narrower than a product's 2F).</summary>
    public bool TruncatesProducts => Accumulator.FractionBits < 2 * Data.FractionBits;

    /// <summary>The largest error of one conversion into the data format: a unit of the last place truncating, half of it rounding.</summary>
    public double ConversionError => MaxError(Data);

    /// <summary>
    /// The largest error of an average's division, done in double on the exact sum: the sum's conversion to double and
    /// the quotient each round by at most half a unit in the 53rd bit of a magnitude below 2^(I-1) (the mean of in-range
    /// values is in range; the sum over the count is the same number), 2^(I-53) together.
    /// </summary>
    public double DivisionError => Math.ScaleB(1.0, Data.IntegerBits - 53);

    /// <summary>The largest error of one product added to the accumulator (0 when it keeps every bit).</summary>
    public double ProductError => TruncatesProducts ? MaxError(Accumulator) : 0;

    private static double MaxError(FixedPointFormat format) =>
        format.Quantization is FixedQuantization.Trn or FixedQuantization.TrnZero ? format.Step : format.Step / 2;

    private static int BitsFor(long count) => 64 - (int)long.LeadingZeroCount(Math.Max(1, count - 1));
}
