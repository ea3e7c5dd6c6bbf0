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
    /// <remarks>
    /// A matrix product computes whole register tiles of <see cref="OpClasses.MatrixVectorRows"/> rows: the rows of
    /// the last tile past <paramref name="rows"/> are computed and not stored, so the useful fraction is rows over
    /// <see cref="TiledRows"/> (32 output channels cost as 36).
    /// </remarks>
    public double Of(OpClass opClass, long reduction, long rows) => opClass switch
    {
        OpClass.MatrixProduct => MatrixPeak.Value / (1 + ShortReduction.Value / Math.Max(1, reduction) + FewRows.Value / TiledRows(rows))
            * Math.Max(1, rows) / TiledRows(rows),
        OpClass.MatrixVector => MatrixVector.Value,
        OpClass.Window => Window.Value,
        OpClass.Elementwise => Elementwise.Value,
        _ => 0,
    };

    /// <summary>The rows a register-tiled product computes: <paramref name="rows"/> rounded up to whole tiles.</summary>
    public static long TiledRows(long rows) =>
        (Math.Max(1, rows) + OpClasses.MatrixVectorRows - 1) / OpClasses.MatrixVectorRows * OpClasses.MatrixVectorRows;

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
