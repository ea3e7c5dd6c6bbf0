using Aidge.Export.C;
using Aidge.Export.Hls.FixedPoint;

namespace Aidge.Export.Hls.Writers;

/// <summary>
/// The number types of a fixed-point design, in <c>&lt;prefix&gt;_top.h</c>: <c>data_t</c> (the Precision metadata: every
/// float activation and weight), <c>acc_t</c> (the accumulator of <see cref="HlsFixedDesign"/>), <c>data_min</c> (where a
/// max starts), and the headers that define them. Changing the typedefs by hand changes the whole design at once.
/// </summary>
public static class HlsFixedTypesWriter
{
    public static void Write(CSourceWriter w, HlsFixedDesign design)
    {
        w.Line($"#include \"{HlsSourceEmitter.TypesHeader}\"").Line($"#include \"{HlsSourceEmitter.FixedHeader}\"").Line();
        w.Comment($"Fixed point (Precision {design.Data}): activations and weights in data_t,");
        w.Comment($"sums of up to {design.LongestSum} products in acc_t{(design.TruncatesProducts ? ", each product truncated to its fraction bits" : ", exactly")}.");
        w.Line($"typedef {design.Data.CppType} {HlsNumbers.DataTypeName};");
        w.Line($"typedef {design.Accumulator.CppType} {HlsNumbers.AccumulatorTypeName};");
        w.Line($"static const {HlsNumbers.DataTypeName} {HlsNumbers.DataMin} = {CLiteral.Double(-Math.ScaleB(1.0, design.Data.IntegerBits - 1))};").Line();
    }
}
