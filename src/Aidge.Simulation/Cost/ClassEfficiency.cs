namespace Aidge.Simulation.Cost;

/// <summary>
/// The fraction of a target's peak each kernel class reaches. Matrix products follow
/// <c>efficiency = MatrixPeak / (1 + ShortReduction / K + FewRows / M)</c>: a register-tiled product spends a fixed cost
/// per output tile (loading and storing the tile), which weighs more as the reduction K gets short, and a cost per
/// packed column of its input (im2col or a panel of B) shared by the M output rows, which weighs more as M gets small.
/// <see cref="ShortReduction"/> and <see cref="FewRows"/> are the K and M at which each cost equals the arithmetic.
/// The other classes are a flat fraction of peak for their operations (window reads, elements).
/// </summary>
public sealed record ClassEfficiency(
    Sourced MatrixPeak,
    Sourced ShortReduction,
    Sourced FewRows,
    Sourced MatrixVector,
    Sourced Window,
    Sourced Elementwise)
{
    /// <summary>The fraction of peak of <paramref name="opClass"/> (0 for data movement, which does no arithmetic).</summary>
    public double Of(OpClass opClass, long reduction, long rows) => opClass switch
    {
        OpClass.MatrixProduct => MatrixPeak.Value / (1 + ShortReduction.Value / Math.Max(1, reduction) + FewRows.Value / Math.Max(1, rows)),
        OpClass.MatrixVector => MatrixVector.Value,
        OpClass.Window => Window.Value,
        OpClass.Elementwise => Elementwise.Value,
        _ => 0,
    };

    /// <summary>The constants with their names, in a stable order, for reports.</summary>
    public IEnumerable<(string Name, Sourced Value)> Constants() =>
    [
        ("efficiency.matrixPeak", MatrixPeak),
        ("efficiency.shortReduction", ShortReduction),
        ("efficiency.fewRows", FewRows),
        ("efficiency.matrixVector", MatrixVector),
        ("efficiency.window", Window),
        ("efficiency.elementwise", Elementwise),
    ];
}
