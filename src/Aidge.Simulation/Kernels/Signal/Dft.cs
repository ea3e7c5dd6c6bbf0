using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Elementwise;
using Aidge.Simulation.Runtime;
using DftSchema = Aidge.Core.Operators.Signal.Dft;

namespace Aidge.Simulation.Kernels.Signal;

/// <summary>
/// DFT along one signal axis of a [..., 1 or 2] tensor (real or complex values): full forward and inverse
/// transforms, the one-sided forward transform of a real signal (RFFT), and the real inverse of a one-sided
/// spectrum (IRFFT, which completes the spectrum by conjugate symmetry). The signal is cut or zero-padded to
/// dft_length. Computed in double precision and rounded to the input's type.
/// </summary>
[Kernel("DFT", SinceVersion = 17)]
public sealed class DftKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        bool inverse = context.GetInt("inverse") != 0;
        bool oneSided = context.GetInt("onesided") != 0;
        long axisValue = DftSchema.AxisOf(context.OpsetVersion, context.GetInt("axis", 1), context.HasInput(2), context.OptionalInput(2))
            ?? throw new ArgumentException("DFT axis must be a scalar.");
        int axis = DftSchema.NormalizeAxis(axisValue, input.Rank);
        var lanes = SignalLanes.Of(input.Dims, axis);
        bool irfft = oneSided && inverse;
        if (irfft != lanes.IsComplex && oneSided)
        {
            throw new ArgumentException(inverse
                ? "A one-sided inverse DFT (IRFFT) needs a complex input."
                : "A one-sided forward DFT (RFFT) needs a real input.");
        }
        long length = DftSchema.LengthOf(context.OptionalInput(1)?.GetInt64(0), lanes.Length, irfft);
        var transform = new FourierTransform(checked((int)length));
        int bins = oneSided && !inverse ? transform.Length / 2 + 1 : transform.Length;
        var output = lanes.WithLength(bins, irfft ? 1 : 2);
        var source = ElementConversion.Convert(input, DataType.Double).Span<double>();
        var result = new double[output.ElementCount];
        var signal = new Complex[transform.Length];
        var spectrum = new Complex[transform.Length];
        for (int lane = 0; lane < lanes.Count; lane++)
        {
            if (irfft)
            {
                ReadHermitian(source, lanes, lane, signal);
            }
            else
            {
                lanes.Read(source, lane, signal);
            }
            transform.Transform(signal, spectrum, inverse);
            output.Write(spectrum.AsSpan(0, bins), result, lane);
        }
        context.SetOutput(0, ElementConversion.Convert(Tensor.FromSpan<double>(DataType.Double, output.Dims, result), input.Type));
    }

    /// <summary>The full spectrum whose first half (DC to Nyquist) is the lane; the rest mirrors it conjugated.</summary>
    private static void ReadHermitian(ReadOnlySpan<double> source, SignalLanes lanes, int lane, Span<Complex> spectrum)
    {
        int n = spectrum.Length;
        lanes.Read(source, lane, spectrum[..(n / 2 + 1)]);
        for (int k = n / 2 + 1; k < n; k++)
        {
            spectrum[k] = Complex.Conjugate(spectrum[n - k]);
        }
    }
}
