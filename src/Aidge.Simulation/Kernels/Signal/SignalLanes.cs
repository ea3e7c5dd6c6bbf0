using System.Numerics;

namespace Aidge.Simulation.Kernels.Signal;

/// <summary>
/// A [..., n, ..., parts] tensor seen as lanes of n complex values along one axis (parts 1 = real, 2 = real and
/// imaginary interleaved): lane l starts at (l / inner)·n·inner·parts + (l % inner)·parts with stride inner·parts.
/// </summary>
public readonly record struct SignalLanes(long[] Dims, int Axis, int Outer, int Length, int Inner, int Parts)
{
    public static SignalLanes Of(long[] dims, int axis)
    {
        int parts = (int)dims[^1];
        if (parts is not (1 or 2))
        {
            throw new ArgumentException($"The last dim holds the real and imaginary parts, so it must be 1 or 2, not {parts}.");
        }
        int outer = (int)Core.Tensors.Tensor.ElementCountOf(dims.AsSpan(0, axis));
        int inner = (int)Core.Tensors.Tensor.ElementCountOf(dims.AsSpan(axis + 1, dims.Length - axis - 2));
        return new SignalLanes(dims, axis, outer, (int)dims[axis], inner, parts);
    }

    public bool IsComplex => Parts == 2;

    public int Count => Outer * Inner;

    public int ElementCount => Count * Length * Parts;

    /// <summary>The same layout with another axis length and part count.</summary>
    public SignalLanes WithLength(int length, int parts)
    {
        var dims = (long[])Dims.Clone();
        dims[Axis] = length;
        dims[^1] = parts;
        return this with { Dims = dims, Length = length, Parts = parts };
    }

    /// <summary>Fills <paramref name="values"/> from the lane, cut or zero-padded to its length.</summary>
    public void Read(ReadOnlySpan<double> source, int lane, Span<Complex> values)
    {
        int at = Start(lane);
        int stride = Inner * Parts;
        int count = Math.Min(Length, values.Length);
        for (int i = 0; i < count; i++, at += stride)
        {
            values[i] = new Complex(source[at], IsComplex ? source[at + 1] : 0);
        }
        values[count..].Clear();
    }

    /// <summary>Writes the lane from <paramref name="values"/> (only real parts when the layout is real).</summary>
    public void Write(ReadOnlySpan<Complex> values, Span<double> destination, int lane)
    {
        int at = Start(lane);
        int stride = Inner * Parts;
        for (int i = 0; i < Length; i++, at += stride)
        {
            destination[at] = values[i].Real;
            if (IsComplex)
            {
                destination[at + 1] = values[i].Imaginary;
            }
        }
    }

    private int Start(int lane) => ((lane / Inner * Length * Inner) + (lane % Inner)) * Parts;
}
