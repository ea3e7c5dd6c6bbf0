using System.Numerics;

namespace Aidge.Simulation.Kernels.Sampling;

public enum GridInterpolation
{
    Nearest,
    Linear,
    Cubic,
}

public enum GridPadding
{
    Zeros,
    Border,
    Reflection,
}

/// <summary>
/// One spatial axis of a GridSample input: turns a normalized grid coordinate into interpolation taps (input
/// indices and weights). Coordinate arithmetic stays in the element type, as in the ONNX reference, so that
/// nearest-mode rounding lands on the same side of .5.
/// </summary>
public readonly struct GridAxis<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The most taps one axis can contribute (cubic).</summary>
    public const int MaxTaps = 4;

    private readonly int size;
    private readonly GridPadding padding;
    private readonly bool alignCorners;

    // Reflection borders: the centers of the edge pixels with align_corners, else their outer edges.
    private readonly double low;
    private readonly double high;

    public GridAxis(int size, GridPadding padding, bool alignCorners)
    {
        this.size = size;
        this.padding = padding;
        this.alignCorners = alignCorners;
        low = alignCorners ? 0 : -0.5;
        high = alignCorners ? size - 1 : size - 0.5;
    }

    /// <summary>
    /// Writes the taps for normalized coordinate <paramref name="normalized"/> and returns how many there are;
    /// an index of -1 marks a tap that reads zero padding.
    /// </summary>
    public int Taps(T normalized, GridInterpolation mode, Span<int> indices, Span<T> weights)
    {
        T x = Unnormalize(normalized);
        if (mode == GridInterpolation.Nearest)
        {
            indices[0] = Resolve(int.CreateTruncating(PadCoordinate(T.Round(x, MidpointRounding.ToEven))));
            weights[0] = T.One;
            return 1;
        }
        x = PadCoordinate(x);
        T floor = T.Floor(x);
        int first = int.CreateTruncating(floor);
        T t = x - floor;
        if (mode == GridInterpolation.Linear)
        {
            indices[0] = Resolve(first);
            indices[1] = Resolve(first + 1);
            weights[0] = T.One - t;
            weights[1] = t;
            return 2;
        }
        for (int k = 0; k < 4; k++)
        {
            indices[k] = Resolve(first - 1 + k);
        }
        CubicWeights(t, weights);
        return 4;
    }

    private T Unnormalize(T g)
    {
        T two = T.CreateTruncating(2);
        return alignCorners
            ? (g + T.One) / two * T.CreateTruncating(size - 1)
            : ((g + T.One) * T.CreateTruncating(size) - T.One) / two;
    }

    /// <summary>A position outside the borders moves to the edge (border) or is mirrored back inside (reflection).</summary>
    private T PadCoordinate(T x)
    {
        double value = double.CreateTruncating(x);
        if (value >= low && value <= high)
        {
            return x;
        }
        return padding switch
        {
            GridPadding.Border => T.Clamp(x, T.Zero, T.CreateTruncating(size - 1)),
            GridPadding.Reflection => T.CreateTruncating(Reflect(value)),
            _ => x,
        };
    }

    /// <summary>The input index a tap reads, or -1 when it falls in zero padding.</summary>
    private int Resolve(int index)
    {
        if (index >= 0 && index < size)
        {
            return index;
        }
        return padding switch
        {
            GridPadding.Border => Math.Clamp(index, 0, size - 1),
            GridPadding.Reflection => Math.Clamp((int)Reflect(index), 0, size - 1),
            _ => -1,
        };
    }

    /// <summary>Mirrors a position at the borders as many times as it takes to bring it inside.</summary>
    private double Reflect(double x)
    {
        double range = high - low;
        if (range <= 0)
        {
            return low;
        }
        if (x < low)
        {
            double distance = low - x;
            long flips = (long)(distance / range);
            double rest = distance - flips * range;
            return flips % 2 == 0 ? low + rest : high - rest;
        }
        if (x > high)
        {
            double distance = x - high;
            long flips = (long)(distance / range);
            double rest = distance - flips * range;
            return flips % 2 == 0 ? high - rest : low + rest;
        }
        return x;
    }

    /// <summary>Keys cubic convolution weights (a = -0.75, as PyTorch) for taps at -1, 0, 1, 2 around offset t.</summary>
    private static void CubicWeights(T t, Span<T> weights)
    {
        T a = T.CreateTruncating(-0.75);
        T two = T.CreateTruncating(2);
        T three = T.CreateTruncating(3);
        T four = T.CreateTruncating(4);
        T five = T.CreateTruncating(5);
        T eight = T.CreateTruncating(8);
        T outer = t + T.One;
        T farOuter = two - t;
        T inner = T.One - t;
        weights[0] = ((a * outer - five * a) * outer + eight * a) * outer - four * a;
        weights[1] = ((a + two) * t - (a + three)) * t * t + T.One;
        weights[2] = ((a + two) * inner - (a + three)) * inner * inner + T.One;
        weights[3] = ((a * farOuter - five * a) * farOuter + eight * a) * farOuter - four * a;
    }
}
