using Aidge.Core.Diagnostics;

namespace Aidge.Passes.Pipeline;

/// <summary>
/// The optimization levels as data: the passes each one runs, in order. <c>aidgec passes</c> prints this table.
/// Pruning and quantization are not levels: <see cref="PipelineBuilder"/> appends them when the user asks.
/// </summary>
public static class OptimizationLevels
{
    public static IReadOnlyList<string> Names { get; } = ["O0", "O1", "O2", "O3"];

    /// <summary>O0 keeps the graph as imported (the exporter still plans memory).</summary>
    private static readonly string[] O0 = [];

    /// <summary>
    /// O1 only removes work: folding and clean-up that cannot change a single bit of any output (folding runs the
    /// simulator's own kernels). Dead code goes last, after the others have disconnected what they replaced. Lowering
    /// already-quantized patterns to integer layers comes first, before folding turns their int8 weights into floats
    /// (it changes outputs by at most one quantization step where ONNX's float requantization meets a rounding tie).
    /// </summary>
    private static readonly string[] O1 = ["lower-qdq", "fold-constants", "remove-identities", "cancel-transposes", "eliminate-dead-code"];

    /// <summary>
    /// The fusions of O2, in order: parameters folded into convolutions, activations into their producer, recognized
    /// chains. Each fusion pass adds its name here. Parameter folds come first, so that the layers they leave are the
    /// plain Conv/Gemm that activation fusion looks for.
    /// </summary>
    private static readonly string[] Fusions =
    [
        "fold-batchnorm", "fold-scale-shift", "fold-pad",
        "matmul-add-to-gemm",
        "recognize-layernorm", "recognize-gelu",
        "fuse-activations",
    ];

    /// <summary>
    /// O2 also fuses, then merges the duplicates that fusion and folding leave (equal folded weights, equal shape
    /// computations) and removes what that disconnected.
    /// </summary>
    private static readonly string[] O2 = [.. O1, .. Fusions, "eliminate-common-subexpressions", "eliminate-dead-code"];

    /// <summary>The rewrites of O3 that change rounding within fp32 tolerance; each adds its name here.</summary>
    private static readonly string[] RoundingRewrites = [];

    /// <summary>
    /// O3 adds the rewrites that change rounding, then runs the clean-up once more: fusion and merging expose new work
    /// (a merged input makes two readers equal, a fused Add leaves a constant chain) that one more round takes. A fixed
    /// second round rather than "repeat until nothing changes" keeps the level a plain list that `aidgec passes` prints
    /// and keeps compile time bounded; the equivalence tests and the MobileNetV2/ResNet counts show a third round finds
    /// nothing on the graphs we measure.
    /// </summary>
    private static readonly string[] O3 =
    [
        .. O2, .. RoundingRewrites,
        "fold-constants", "remove-identities", "cancel-transposes", "eliminate-common-subexpressions", "eliminate-dead-code",
    ];

    public static IReadOnlyList<string> PassesOf(string level) => level switch
    {
        "O0" => O0,
        "O1" => O1,
        "O2" => O2,
        "O3" => O3,
        _ => throw new AidgeException(DiagnosticCodes.UnknownPass, $"Unknown optimization level '{level}'; use one of {string.Join(", ", Names)}."),
    };
}
