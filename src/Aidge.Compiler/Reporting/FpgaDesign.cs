using Aidge.Compiler.Compilation;
using Aidge.Export.Hls;
using Aidge.Simulation.Cost.Hls;

namespace Aidge.Compiler.Reporting;

/// <summary>The HLS options of a build as the FPGA estimate takes them: only builds for the HLS target get one.</summary>
public static class FpgaDesign
{
    public const string HlsTarget = "hls";

    public static HlsDesignOptions? For(CompileOptions options) =>
        string.Equals(options.Target, HlsTarget, StringComparison.OrdinalIgnoreCase)
            ? new HlsDesignOptions(
                options.Hls.ReuseFactor,
                options.Hls.Strategy == HlsStrategy.Resource,
                options.Hls.IOType == HlsIOType.Stream,
                options.Hls.ClockPeriod,
                options.Hls.FpgaPart,
                options.Hls.Precision)
            : null;
}
