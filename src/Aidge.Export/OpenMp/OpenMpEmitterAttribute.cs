namespace Aidge.Export.OpenMp;

/// <summary>
/// Declares which operator (and opset range) an <see cref="INodeEmitter"/> class emits for the OpenMP target. The
/// registry (<see cref="OpenMpEmitters.Registry"/>) finds them by reflection; coverage tables read the registry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OpenMpEmitterAttribute(string opType) : EmitterAttribute(opType);
