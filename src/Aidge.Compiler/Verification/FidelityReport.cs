namespace Aidge.Compiler.Verification;

/// <summary>
/// What pruning and quantization cost, measured by the simulator on the same inputs through the imported and the
/// final graph: for the report (report.json / report.html) and the build's summary line.
/// </summary>
/// <param name="Pruned">Whether pruning ran.</param>
/// <param name="Quantized">Whether int8 quantization ran.</param>
/// <param name="Inputs">Where the samples came from (the sample input file, or seeded random samples).</param>
/// <param name="RandomInputs">True when the samples were seeded random inputs (no SampleInput): agreement on noise is only indicative.</param>
/// <param name="Samples">How many samples both graphs ran (fewer than given when the time budget cut the run short).</param>
/// <param name="MinAgreement">The warning threshold on <paramref name="Top1Agreement"/>.</param>
/// <param name="Top1Agreement">The fraction of rows of the first classifier-shaped output whose arg-max is unchanged; null when no output is classifier-shaped.</param>
/// <param name="ReferenceAccuracy">The imported model's top-1 accuracy against the sample labels; null without labels.</param>
/// <param name="OptimizedAccuracy">The final graph's top-1 accuracy against the sample labels; null without labels.</param>
/// <param name="Outputs">The figures of every graph output.</param>
public sealed record FidelityReport(
    bool Pruned,
    bool Quantized,
    string Inputs,
    bool RandomInputs,
    int Samples,
    double MinAgreement,
    double? Top1Agreement,
    double? ReferenceAccuracy,
    double? OptimizedAccuracy,
    IReadOnlyList<OutputFidelity> Outputs)
{
    /// <summary>What ran, for sentences: "pruning", "int8 quantization" or both.</summary>
    public string Applied => (Pruned, Quantized) switch
    {
        (true, true) => "pruning and int8 quantization",
        (true, false) => "pruning",
        _ => "int8 quantization",
    };
}

/// <summary>The figures of one output over all samples.</summary>
/// <param name="Name">The graph output.</param>
/// <param name="SnrDb">10·log10(Σ reference² / Σ (final − reference)²); null when undefined: identical outputs (see <paramref name="MaxAbsError"/> = 0) or an all-zero reference.</param>
/// <param name="MaxAbsError">The largest |final − reference| over all elements.</param>
/// <param name="Top1Agreement">The fraction of rows whose arg-max is unchanged, for a classifier-shaped output ([rows, classes], trailing 1s allowed); else null.</param>
public sealed record OutputFidelity(string Name, double? SnrDb, double MaxAbsError, double? Top1Agreement);
