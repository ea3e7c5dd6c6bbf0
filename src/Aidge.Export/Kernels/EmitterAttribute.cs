namespace Aidge.Export.Kernels;

/// <summary>
/// Declares which operator (and opset range) an <see cref="INodeEmitter"/> class emits for one target; each target
/// derives its own attribute (OpenMpEmitter, CudaEmitter, ...), so one class can serve several targets when its calls
/// fit all of them. A class may carry several (one class per operator or small family).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public abstract class EmitterAttribute : Attribute
{
    protected EmitterAttribute(string opType) => OpType = opType;

    public string OpType { get; }

    public string Domain { get; init; } = string.Empty;

    public int SinceVersion { get; init; } = 1;

    public int LastVersion { get; init; } = int.MaxValue;
}
