using Aidge.Core.Tensors;

namespace Aidge.Simulation.Cost.Hls;

/// <summary>
/// What the FPGA estimate needs of an HLS build: the item metadata that shapes the design (ReuseFactor, Strategy,
/// IOType, ClockPeriod in ns, the part) and the fixed-point precision of float layers (null: they stay fp32). The
/// compiler fills it from the HLS target's options; the estimate follows the pragmas that target writes.
/// </summary>
public sealed record HlsDesignOptions(
    int ReuseFactor = 1,
    bool ResourceStrategy = false,
    bool Streaming = false,
    double ClockPeriodNs = 5,
    string Part = HlsDevices.DefaultPart,
    FixedPointFormat? Precision = null)
{
    public string StrategyName => ResourceStrategy ? "Resource" : "Latency";

    public string IOTypeName => Streaming ? "stream" : "parallel";
}
