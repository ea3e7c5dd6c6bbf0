namespace Aidge.Export.Hls;

/// <summary>
/// Declares that an <see cref="INodeEmitter"/> class also emits its operator for a fixed-point design (the Precision
/// metadata): its layer then computes in the design's <c>data_t</c> and <c>acc_t</c> (<see cref="HlsNumbers"/>).
/// <see cref="HlsEmitters.FixedRegistry"/> collects them; <c>aidgec ops</c> shows it as its own column.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class HlsFixedEmitterAttribute(string opType) : EmitterAttribute(opType);
