namespace Aidge.Simulation.Calibration;

/// <summary>How calibration turns an activation's observed values into the range that quantization covers.</summary>
public enum CalibrationMethod
{
    /// <summary>The observed minimum and maximum: nothing clipped, outliers widen the step.</summary>
    MinMax,

    /// <summary>Each tail clipped at a percentile of the values (99.99 by default).</summary>
    Percentile,

    /// <summary>The clipping range minimizing the expected squared quantization error over the histogram.</summary>
    Mse,

    /// <summary>The clipping range minimizing the KL divergence between the histogram and its quantized levels (entropy calibration).</summary>
    Kl,
}

/// <summary>The names <c>--calibration</c> and the <c>Calibration</c> metadata accept.</summary>
public static class CalibrationMethods
{
    public static IReadOnlyList<string> Names { get; } = ["minmax", "percentile", "mse", "kl"];

    public static bool TryParse(string text, out CalibrationMethod method)
    {
        int index = Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        method = index < 0 ? default : (CalibrationMethod)index;
        return index >= 0;
    }

    public static string NameOf(CalibrationMethod method) => Names[(int)method];
}
