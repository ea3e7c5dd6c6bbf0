using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.Hls;

/// <summary>
/// The C++ element type of each tensor type in the HLS sources: the graph's own types (float for fp32 graphs, the
/// fixed-width integers of stdint.h), which Vitis HLS synthesizes as they are. Arbitrary-precision types
/// (<c>aidge::fixed</c>, <c>aidge::integer</c>) come from aidge_hls_types.h where a layer asks for them.
/// </summary>
public static class HlsTypes
{
    public static string Of(DataType type) => CTypes.Of(type) ?? throw new ArgumentException($"The HLS target has no C++ type for {type.OnnxName()}.", nameof(type));

    /// <summary>
    /// The element types of <paramref name="types"/> the HLS layers compute with: all but the half types, which the
    /// other targets carry as raw 16-bit patterns and HLS would need a half type for (a shared table's filter).
    /// </summary>
    public static DataType[] Held(DataType[] types) => types.Where(t => t is not (DataType.Float16 or DataType.BFloat16)).ToArray();

    /// <summary>Whether values of the type are compared with a tolerance (floating point) rather than exactly by the testbench.</summary>
    public static bool IsFloating(DataType type) => type is DataType.Float or DataType.Double;
}
