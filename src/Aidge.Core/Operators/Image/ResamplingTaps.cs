using System.Numerics;

namespace Aidge.Core.Operators.Image;

/// <summary>
/// For one resized axis, the input positions and weights each output position reads (a fixed number of taps
/// per output), following the ONNX reference: coordinates are mapped back per coordinate_transformation_mode,
/// neighbours come from the edge-padded input, and tf_crop_and_resize marks positions outside the input.
/// </summary>
public sealed class ResamplingTaps
{
    private ResamplingTaps(int outputLength, int taps)
    {
        TapCount = taps;
        Indices = new int[outputLength * taps];
        Weights = new double[outputLength * taps];
        Outside = new bool[outputLength];
    }

    public int TapCount { get; }

    /// <summary>Input index of tap t of output o at [o * TapCount + t], already clamped into the input.</summary>
    public int[] Indices { get; }

    public double[] Weights { get; }

    /// <summary>Outputs whose source coordinate falls outside the input under tf_crop_and_resize.</summary>
    public bool[] Outside { get; }

    /// <param name="singlePrecision">
    /// Map coordinates in float32, as the reference does when the scale is a float32 from the scales input; scales
    /// derived from sizes are float64. The precision decides ties such as a nearest coordinate of exactly 4.5.
    /// </param>
    public static ResamplingTaps Build(ResizeSettings settings, int inputLength, int outputLength, double scale, double roiStart, double roiEnd, bool singlePrecision)
    {
        var first = Coefficients(settings, 0.5, scale);
        var taps = new ResamplingTaps(outputLength, first.Weights.Length);
        for (int o = 0; o < outputLength; o++)
        {
            double x = singlePrecision
                ? SourceCoordinate(settings.CoordinateMode, o, inputLength, outputLength, (float)scale, (float)roiStart, (float)roiEnd)
                : SourceCoordinate(settings.CoordinateMode, o, inputLength, outputLength, scale, roiStart, roiEnd);
            if (settings.CoordinateMode == "tf_crop_and_resize" && (x < 0 || x > inputLength - 1))
            {
                taps.Outside[o] = true;
                continue;
            }
            taps.Fill(o, settings, x, inputLength, scale);
        }
        return taps;
    }

    private void Fill(int o, ResizeSettings settings, double x, int inputLength, double scale)
    {
        int start = o * TapCount;
        if (settings.Mode == "nearest")
        {
            Indices[start] = Math.Clamp(Nearest(settings.NearestMode, x), 0, inputLength - 1);
            Weights[start] = 1;
            return;
        }
        // The reference takes the neighbours left of x first, so an integral x is the right end of its window.
        double floor = Math.Floor(x);
        double ratio = x - floor;
        if (ratio == 0)
        {
            ratio = 1;
            floor -= 1;
        }
        var (offset, weights) = Coefficients(settings, ratio, scale);
        int n = weights.Length;
        int pad = (n + 1) / 2;
        int window = Math.Clamp((int)floor + offset, -pad, inputLength + pad - n);
        double kept = 0;
        for (int t = 0; t < n; t++)
        {
            int index = window + t;
            bool outside = index < 0 || index >= inputLength;
            double weight = settings.ExcludeOutside && outside ? 0 : weights[t];
            Indices[start + t] = Math.Clamp(index, 0, inputLength - 1);
            Weights[start + t] = weight;
            kept += weight;
        }
        if (settings.ExcludeOutside && kept != 0)
        {
            for (int t = 0; t < n; t++)
            {
                Weights[start + t] /= kept;
            }
        }
    }

    private static int Nearest(string mode, double x)
    {
        double floor = Math.Floor(x);
        double ratio = x - floor;
        if (ratio == 0)
        {
            return (int)floor;
        }
        bool up = mode switch
        {
            "round_prefer_floor" => ratio > 0.5,
            "round_prefer_ceil" => ratio >= 0.5,
            "floor" => false,
            "ceil" => true,
            _ => throw new ArgumentException($"Unknown nearest_mode '{mode}'."),
        };
        return (int)floor + (up ? 1 : 0);
    }

    /// <summary>The filter weights for a fractional position (ratio in (0, 1]) and the first tap's offset from floor(x).</summary>
    private static (int Offset, double[] Weights) Coefficients(ResizeSettings settings, double ratio, double scale)
    {
        switch (settings.Mode)
        {
            case "nearest":
                return (0, [1]);
            case "linear" when settings.Antialias:
                {
                    // The triangle filter stretched by 1/scale when downsampling.
                    double s = Math.Min(scale, 1);
                    int first = (int)Math.Floor(-1 / s) + 1;
                    var weights = new double[2 - 2 * first];
                    for (int t = 0; t < weights.Length; t++)
                    {
                        weights[t] = Math.Clamp(1 - Math.Abs((first + t - ratio) * s), 0, 1);
                    }
                    return (first, Normalized(weights));
                }
            case "linear":
                return (0, [1 - ratio, ratio]);
            case "cubic" when settings.Antialias:
                {
                    double s = Math.Min(scale, 1);
                    int first = (int)Math.Floor(-2 / s) + 1;
                    var weights = new double[2 - 2 * first];
                    for (int t = 0; t < weights.Length; t++)
                    {
                        weights[t] = CubicKernel(Math.Abs(s * (first + t - ratio)), settings.CubicA);
                    }
                    return (first, Normalized(weights));
                }
            case "cubic":
                {
                    double a = settings.CubicA;
                    return (-1, [CubicKernel(ratio + 1, a), CubicKernel(ratio, a), CubicKernel(1 - ratio, a), CubicKernel(2 - ratio, a)]);
                }
            default:
                throw new ArgumentException($"Unknown Resize mode '{settings.Mode}'.");
        }
    }

    /// <summary>Keys' cubic convolution kernel with parameter a at distance d ≥ 0.</summary>
    private static double CubicKernel(double d, double a) => d switch
    {
        <= 1 => ((a + 2) * d - (a + 3)) * d * d + 1,
        < 2 => ((a * d - 5 * a) * d + 8 * a) * d - 4 * a,
        _ => 0,
    };

    private static double[] Normalized(double[] weights)
    {
        double sum = weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }
        return weights;
    }

    /// <summary>Maps output coordinate x back to the input; the fractional output width is what the reference uses.</summary>
    private static double SourceCoordinate<TScalar>(string mode, int x, int inputLength, int outputLength, TScalar scale, TScalar roiStart, TScalar roiEnd)
        where TScalar : IFloatingPointIeee754<TScalar>
    {
        TScalar half = TScalar.CreateTruncating(0.5);
        TScalar position = TScalar.CreateTruncating(x);
        TScalar input = TScalar.CreateTruncating(inputLength);
        TScalar lastInput = input - TScalar.One;
        TScalar outputWidth = scale * input;
        TScalar result = mode switch
        {
            "half_pixel" => (position + half) / scale - half,
            "half_pixel_symmetric" => input * half * (TScalar.One - TScalar.CreateTruncating(outputLength) / outputWidth) + (position + half) / scale - half,
            "pytorch_half_pixel" => outputLength > 1 ? (position + half) / scale - half : TScalar.Zero,
            "align_corners" => outputWidth == TScalar.One ? TScalar.Zero : position * lastInput / (outputWidth - TScalar.One),
            "asymmetric" => position / scale,
            "tf_crop_and_resize" => outputWidth == TScalar.One
                ? (roiEnd - roiStart) * lastInput * half + roiStart * lastInput
                : position * (roiEnd - roiStart) * lastInput / (outputWidth - TScalar.One) + roiStart * lastInput,
            _ => throw new ArgumentException($"Unknown coordinate_transformation_mode '{mode}'."),
        };
        return double.CreateTruncating(result);
    }
}
