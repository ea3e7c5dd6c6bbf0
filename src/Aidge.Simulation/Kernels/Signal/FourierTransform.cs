using System.Numerics;

namespace Aidge.Simulation.Kernels.Signal;

/// <summary>
/// Discrete Fourier transforms of one length in double precision, as numpy computes the reference results:
/// iterative radix-2 Cooley-Tukey for powers of two, otherwise the direct sum over a table of roots of unity
/// (indexing the table by k·n mod length keeps every twiddle exact to the last bit).
/// </summary>
public sealed class FourierTransform
{
    private readonly Complex[] roots;

    public FourierTransform(int length)
    {
        if (length <= 0)
        {
            throw new ArgumentException($"The DFT length must be positive, not {length}.");
        }
        roots = new Complex[length];
        for (int j = 0; j < length; j++)
        {
            roots[j] = Complex.FromPolarCoordinates(1, -2 * Math.PI * j / length);
        }
    }

    public int Length => roots.Length;

    /// <summary>
    /// X[k] = Σ x[n]·e^(∓2πi·kn/N), with the + sign and a 1/N scale when <paramref name="inverse"/>.
    /// <paramref name="signal"/> and <paramref name="spectrum"/> must not overlap.
    /// </summary>
    public void Transform(ReadOnlySpan<Complex> signal, Span<Complex> spectrum, bool inverse)
    {
        if (BitOperations.IsPow2(Length))
        {
            Radix2(signal, spectrum, inverse);
        }
        else
        {
            Direct(signal, spectrum, inverse);
        }
        if (inverse)
        {
            double scale = 1.0 / Length;
            for (int k = 0; k < spectrum.Length; k++)
            {
                spectrum[k] *= scale;
            }
        }
    }

    private Complex Root(long index, bool inverse) => inverse ? Complex.Conjugate(roots[index]) : roots[index];

    private void Direct(ReadOnlySpan<Complex> signal, Span<Complex> spectrum, bool inverse)
    {
        int n = Length;
        for (int k = 0; k < n; k++)
        {
            Complex sum = Complex.Zero;
            for (int t = 0; t < n; t++)
            {
                sum += signal[t] * Root((long)k * t % n, inverse);
            }
            spectrum[k] = sum;
        }
    }

    private void Radix2(ReadOnlySpan<Complex> signal, Span<Complex> spectrum, bool inverse)
    {
        int n = Length;
        int bits = BitOperations.Log2((uint)n);
        for (int i = 0; i < n; i++)
        {
            spectrum[(int)(ReverseBits((uint)i) >> (32 - bits))] = signal[i];
        }
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size / 2;
            int step = n / size;
            for (int start = 0; start < n; start += size)
            {
                for (int j = 0; j < half; j++)
                {
                    Complex twisted = Root(j * step, inverse) * spectrum[start + j + half];
                    Complex even = spectrum[start + j];
                    spectrum[start + j] = even + twisted;
                    spectrum[start + j + half] = even - twisted;
                }
            }
        }
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
