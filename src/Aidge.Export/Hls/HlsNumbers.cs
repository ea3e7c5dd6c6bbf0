using Aidge.Core.Tensors;

namespace Aidge.Export.Hls;

/// <summary>
/// The C++ types float tensors become in an HLS design. A float design keeps <c>float</c> everywhere. A fixed-point
/// design (Precision set) holds every float activation and weight in <c>data_t</c> and sums products in <c>acc_t</c>,
/// typedefs of <c>&lt;prefix&gt;_top.h</c> (<see cref="FixedPoint.HlsFixedDesign"/> gives their formats), so the layer
/// text names the role and the design decides the bits. The top's AXI ports stay <c>float</c>: callers, the C ABI and
/// the testbench see the graph's types, and the conversions happen where the top copies its ports.
/// </summary>
public sealed record HlsNumbers(bool Fixed)
{
    public const string DataTypeName = "data_t";

    public const string AccumulatorTypeName = "acc_t";

    /// <summary>The smallest data_t value, a constant of a fixed-point design's top header: where a max starts.</summary>
    public const string DataMin = "data_min";

    public static HlsNumbers Float { get; } = new(false);

    public static HlsNumbers FixedPoint { get; } = new(true);

    /// <summary>The numbers of the registry that planned the node (<see cref="HlsEmitters.FixedTargetName"/> or the float one).</summary>
    public static HlsNumbers Of(NodeContext node) => node.TargetName == HlsEmitters.FixedTargetName ? FixedPoint : Float;

    /// <summary>The element type a tensor of <paramref name="type"/> is held in.</summary>
    public string Element(DataType type) => Fixed && type == DataType.Float ? DataTypeName : HlsTypes.Of(type);

    /// <summary>The type multiply-adds are summed in.</summary>
    public string Accumulator => Fixed ? AccumulatorTypeName : "float";

    /// <summary>Zero as a sum starts (<c>0.0f</c>, or the integer 0 that every fixed type converts exactly).</summary>
    public string Zero => Fixed ? "0" : "0.0f";

    /// <summary>The expression that gives <paramref name="value"/> (of a tensor of <paramref name="type"/>) to a port of the graph's type.</summary>
    public string ToPort(string value, DataType type) => Fixed && type == DataType.Float ? $"{value}.to_float()" : value;
}
