using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Elementwise;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Signal;

/// <summary>
/// STFT: the DFT of every frame_length-long frame of each [signal_length, 1 or 2] signal, frames starting every
/// frame_step samples, each frame multiplied by the window when one is given. One-sided output keeps the
/// frame_length / 2 + 1 bins that a real signal's spectrum does not repeat.
/// </summary>
[Kernel("STFT", SinceVersion = 17)]
public sealed class StftKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var signal = context.Input(0);
        if (signal.Rank != 3)
        {
            throw new ArgumentException($"The STFT signal must be [batch, length, 1 or 2], not {signal}.");
        }
        long step = context.Input(1).GetInt64(0);
        var window = context.OptionalInput(2) is { } given ? ElementConversion.Convert(given, DataType.Double) : null;
        long frameLength = context.OptionalInput(3)?.GetInt64(0)
            ?? window?.Length
            ?? throw new ArgumentException("STFT needs frame_length or a window.");
        if (window is not null && window.Length != frameLength)
        {
            throw new ArgumentException($"The STFT window has {window.Length} values for frames of {frameLength}.");
        }
        if (step <= 0 || frameLength > signal.Dims[1])
        {
            throw new ArgumentException($"STFT frames of {frameLength} every {step} do not fit a signal of {signal.Dims[1]}.");
        }
        var lanes = SignalLanes.Of(signal.Dims, axis: 1);
        bool oneSided = context.GetInt("onesided") != 0;
        if (oneSided && lanes.IsComplex)
        {
            throw new ArgumentException("A one-sided STFT needs a real signal.");
        }
        var transform = new FourierTransform(checked((int)frameLength));
        int frames = (int)((signal.Dims[1] - frameLength) / step + 1);
        int bins = oneSided ? transform.Length / 2 + 1 : transform.Length;
        long[] dims = [signal.Dims[0], frames, bins, 2];
        var source = ElementConversion.Convert(signal, DataType.Double).Span<double>();
        // No window leaves the frame as it is: an empty span of weights.
        ReadOnlySpan<double> weights = window is null ? default : window.Span<double>();
        var result = new double[Tensor.ElementCountOf(dims)];
        var whole = new Complex[lanes.Length];
        var frame = new Complex[transform.Length];
        var spectrum = new Complex[transform.Length];
        for (int batch = 0; batch < lanes.Count; batch++)
        {
            lanes.Read(source, batch, whole);
            for (int f = 0; f < frames; f++)
            {
                whole.AsSpan((int)(f * step), frame.Length).CopyTo(frame);
                for (int i = 0; i < weights.Length; i++)
                {
                    frame[i] *= weights[i];
                }
                transform.Transform(frame, spectrum, inverse: false);
                int at = ((batch * frames) + f) * bins * 2;
                for (int k = 0; k < bins; k++)
                {
                    result[at + (2 * k)] = spectrum[k].Real;
                    result[at + (2 * k) + 1] = spectrum[k].Imaginary;
                }
            }
        }
        context.SetOutput(0, ElementConversion.Convert(Tensor.FromSpan<double>(DataType.Double, dims, result), signal.Type));
    }
}
