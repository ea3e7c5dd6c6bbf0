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

    /// <summary>O1 only removes work: folding and clean-up that cannot change a single bit of any output.</summary>
    private static readonly string[] O1 = [];

    /// <summary>O2 also fuses: parameters folded into convolutions, activations into their producer, recognized chains.</summary>
    private static readonly string[] O2 =
    [
        .. O1,
        // Parameters first, so that the layers they leave are the plain Conv/Gemm the later fusions look for.
        "fold-batchnorm", "fold-scale-shift", "fold-pad",
        "matmul-add-to-gemm",
        "recognize-layernorm", "recognize-gelu",
    ];

    /// <summary>O3 adds the rewrites that change rounding within fp32 tolerance.</summary>
    private static readonly string[] O3 = [.. O2];

    public static IReadOnlyList<string> PassesOf(string level) => level switch
    {
        "O0" => O0,
        "O1" => O1,
        "O2" => O2,
        "O3" => O3,
        _ => throw new AidgeException(DiagnosticCodes.UnknownPass, $"Unknown optimization level '{level}'; use one of {string.Join(", ", Names)}."),
    };
}
