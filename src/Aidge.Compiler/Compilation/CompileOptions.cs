using Aidge.Compiler.Inspection;
using Aidge.Passes.Pruning;

namespace Aidge.Compiler.Compilation;

/// <summary>What <c>aidgec compile</c> was asked to do (see the compile contract in the brief).</summary>
public sealed record CompileOptions(
    string ModelPath,
    string Target,
    string OutputDirectory,
    string? ClassName,
    string? Namespace,
    DimBindings Dims,
    string Optimize = "O2",
    string? CCompiler = null,
    bool NoNative = false,
    int Threads = 0,
    bool NoVerify = false,
    bool NoReport = false,
    bool ReportOnly = false)
{
    /// <summary>
    /// MinMax is the default calibration: the only method that never clips a value the calibration data produced, it
    /// needs no histogram (so it is stable on the 32 synthetic samples used when no CalibrationData is given, where a
    /// histogram method would fit its clipping to noise), and it is the default of ONNX Runtime's quantizer and of
    /// Aidge's PTQ. Percentile, MSE and KL clip outliers and can do better on large, real calibration sets.
    /// </summary>
    public const string DefaultCalibration = "minmax";

    /// <summary>
    /// The default warning threshold on top-1 agreement. Int8 post-training quantization of a sound model keeps 97–99 %
    /// of its top-1 decisions, and 50 % magnitude pruning rarely costs more than a few points, while a broken
    /// calibration (wrong data, a layer that needs other scales) falls towards chance; 0.9 flags the latter without
    /// crying wolf on seeded random inputs, where near ties between classes are more frequent than on real data.
    /// </summary>
    public const double DefaultMinAgreement = 0.9;

    /// <summary>The quantization asked for (<c>int8</c>), or null for none.</summary>
    public string? Quantize { get; init; }

    /// <summary>How activation ranges are estimated: minmax, percentile, mse or kl.</summary>
    public string Calibration { get; init; } = DefaultCalibration;

    /// <summary>The calibration data (a .npy or .pb file, or a folder: see <see cref="Data.SampleData"/>); null = a synthetic set.</summary>
    public string? CalibrationData { get; init; }

    /// <summary>Pruning asked for (<c>--prune</c>, <c>--prune-mode</c>), or null for none.</summary>
    public PruningSettings? Pruning { get; init; }

    /// <summary>The inputs the original and the optimized graph are compared on; null = seeded random inputs.</summary>
    public string? SampleInput { get; init; }

    /// <summary>The class index of every row of <see cref="SampleInput"/>, for accuracy figures; null = none.</summary>
    public string? SampleLabels { get; init; }

    /// <summary>Top-1 agreement below which pruning or quantization gets warning AIDGE3011.</summary>
    public double MinAgreement { get; init; } = DefaultMinAgreement;

    /// <summary>The HLS target's ReuseFactor, Strategy, IOType, ClockPeriod and FpgaPart (the defaults elsewhere).</summary>
    public Aidge.Export.Hls.HlsOptions Hls { get; init; } = Aidge.Export.Hls.HlsOptions.Default;
}
