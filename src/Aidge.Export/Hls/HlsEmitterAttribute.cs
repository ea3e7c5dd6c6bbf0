namespace Aidge.Export.Hls;

/// <summary>
/// Declares which operator (and opset range) an <see cref="INodeEmitter"/> class emits for the HLS target; the registry
/// (<see cref="HlsEmitters.Registry"/>) finds them by reflection, and <c>aidgec ops</c> reads the registry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class HlsEmitterAttribute(string opType) : EmitterAttribute(opType);
