using Aidge.Core.Operators.Signal;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Elementwise;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Signal;

/// <summary>
/// MelWeightMatrix as the ONNX reference computes it: num_mel_bins + 2 points evenly spaced on the mel scale
/// (mel = 2595·log10(1 + f/700)) between the edges, each mapped to the spectrogram bin floor((dft_length + 1)·f
/// / sample_rate); filter i rises from point i to point i + 1 and falls to point i + 2, peaking at 1.
/// </summary>
[Kernel("MelWeightMatrix", SinceVersion = 17, WidenHalfPrecision = false)]
public sealed class MelWeightMatrixKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        int melBins = checked((int)context.Input(0).GetInt64(0));
        long dftLength = context.Input(1).GetInt64(0);
        double sampleRate = context.Input(2).GetInt64(0);
        double lowMel = Mel(context.Input(3).GetDouble(0));
        double highMel = Mel(context.Input(4).GetDouble(0));
        int spectrogramBins = checked((int)(dftLength / 2 + 1));
        if (melBins < 0 || dftLength <= 0 || sampleRate <= 0)
        {
            throw new ArgumentException("MelWeightMatrix needs num_mel_bins ≥ 0 and positive dft_length and sample_rate.");
        }
        var points = new int[melBins + 2];
        double melStep = (highMel - lowMel) / points.Length;
        for (int i = 0; i < points.Length; i++)
        {
            double hertz = 700 * (Math.Pow(10, ((i * melStep) + lowMel) / 2595) - 1);
            points[i] = (int)Math.Floor((dftLength + 1) * hertz / sampleRate);
            if (points[i] < 0 || points[i] >= spectrogramBins)
            {
                throw new ArgumentException($"The mel band edge at {hertz} Hz falls outside the {spectrogramBins} spectrogram bins.");
            }
        }
        var weights = new double[spectrogramBins * melBins];
        for (int i = 0; i < melBins; i++)
        {
            int left = points[i], center = points[i + 1], right = points[i + 2];
            if (center == left)
            {
                weights[(center * melBins) + i] = 1;
            }
            for (int j = left; center > left && j <= center; j++)
            {
                weights[(j * melBins) + i] = (double)(j - left) / (center - left);
            }
            for (int j = center; j < right; j++)
            {
                weights[(j * melBins) + i] = (double)(right - j) / (right - center);
            }
        }
        var matrix = Tensor.FromSpan<double>(DataType.Double, [spectrogramBins, melBins], weights);
        context.SetOutput(0, ElementConversion.Convert(matrix, OutputDataType.Of(context.GetInt(OutputDataType.Attribute))));
    }

    private static double Mel(double hertz) => 2595 * Math.Log10(1 + (hertz / 700));
}
