namespace Aidge.Export.OpenMp;

/// <summary>
/// Declares which operator (and opset range) an <see cref="IOpenMpEmitter"/> class emits. A class may carry several
/// (one class per operator or small family). The registry finds them by reflection; coverage tables read the registry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OpenMpEmitterAttribute : Attribute
{
    public OpenMpEmitterAttribute(string opType) => OpType = opType;

    public string OpType { get; }

    public string Domain { get; init; } = string.Empty;

    public int SinceVersion { get; init; } = 1;

    public int LastVersion { get; init; } = int.MaxValue;
}
