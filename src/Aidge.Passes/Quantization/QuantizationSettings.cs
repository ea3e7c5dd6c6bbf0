namespace Aidge.Passes.Quantization;

/// <summary>The calibrated range of one activation tensor (float values before quantization).</summary>
public readonly record struct ValueRange(float Min, float Max);

/// <summary>
/// The <c>Quantize="int8"</c> request: the activation ranges measured by calibration (keyed by value name; the
/// simulator computes them before the quantization pass runs) and whether activations are symmetric.
/// </summary>
public sealed record QuantizationSettings(IReadOnlyDictionary<string, ValueRange> ActivationRanges, bool SymmetricActivations = false);
