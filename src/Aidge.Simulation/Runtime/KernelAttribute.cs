namespace Aidge.Simulation.Runtime;

/// <summary>
/// Declares which operator (and opset range) an <see cref="IKernel"/> class implements. A class may carry several,
/// e.g. one elementwise kernel for a family of operators. The registry finds them by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class KernelAttribute : Attribute
{
    public KernelAttribute(string opType) => OpType = opType;

    public string OpType { get; }

    public string Domain { get; init; } = string.Empty;

    public int SinceVersion { get; init; } = 1;

    public int LastVersion { get; init; } = int.MaxValue;

    /// <summary>
    /// When true (the default), float16 and bfloat16 inputs are widened to float32 before the kernel runs and
    /// its float32 outputs narrowed back to the node's declared type, so the kernel only handles float/double.
    /// Kernels that move or convert data without arithmetic (Cast, Reshape, Gather...) set it false.
    /// </summary>
    public bool WidenHalfPrecision { get; init; } = true;
}
