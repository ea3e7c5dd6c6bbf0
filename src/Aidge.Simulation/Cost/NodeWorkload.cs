namespace Aidge.Simulation.Cost;

/// <summary>
/// What one node asks of a target, from static shapes: its kernel class, multiply-adds (matrix products) or other
/// operations (window reads, elements computed), the reduction length and output rows of a matrix product (which
/// set how close it gets to peak), the bytes it reads and writes (inputs, weights included, and outputs), its
/// parameters, and the work by which the generated OpenMP code sizes its thread team. Counts are 0 where a shape
/// is not static; <see cref="Known"/> says so.
/// </summary>
public sealed record NodeWorkload(
    string Name,
    string OpType,
    OpClass Class,
    bool Integer,
    long Macs,
    long Operations,
    long Reduction,
    long Rows,
    long BytesRead,
    long BytesWritten,
    long Parameters,
    long ParameterBytes,
    long ActivationBytes,
    long Work,
    bool Known)
{
    /// <summary>Arithmetic operations: two per multiply-add, one per other operation.</summary>
    public double Flops => 2.0 * Macs + Operations;

    public long BytesMoved => BytesRead + BytesWritten;
}
