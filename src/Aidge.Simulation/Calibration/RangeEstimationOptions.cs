namespace Aidge.Simulation.Calibration;

/// <summary>
/// How to turn statistics into ranges: the method; whether the quantized activations are symmetric int8 (ranges
/// [−t, t] on 255 levels, step t/127) or asymmetric uint8 (256 levels, step (max − min)/255); and the percentile
/// that <see cref="CalibrationMethod.Percentile"/> keeps on each side.
/// </summary>
public sealed record RangeEstimationOptions(CalibrationMethod Method, bool Symmetric = false, double Percentile = 99.99)
{
    /// <summary>The quantization step of the range [min, max] in the target domain.</summary>
    public double StepOf(double min, double max) => Symmetric ? Math.Max(-min, max) / 127 : (max - min) / 255;

    /// <summary>How many levels cover each side of zero in total (asymmetric) or on both sides together (symmetric, folded).</summary>
    public int Levels => Symmetric ? 128 : 256;
}
