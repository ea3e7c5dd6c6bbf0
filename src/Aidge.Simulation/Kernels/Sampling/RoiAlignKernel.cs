using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sampling;

/// <summary>
/// RoiAlign: every output bin of a region averages (or takes the max of) a grid of bilinear samples. The sample
/// positions and weights depend only on the region, so they are computed once and reused for every channel.
/// Max mode follows the ONNX reference: the max over samples of the largest weighted corner value.
/// </summary>
[Kernel("RoiAlign", SinceVersion = 10)]
public sealed class RoiAlignKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var roisTensor = context.Input(1);
        long[] batchIndices = context.Input(2).ToInt64Array();
        if (x.Rank != 4 || roisTensor.Rank != 2 || roisTensor.Dims[1] != 4 || roisTensor.Dims[0] != batchIndices.Length)
        {
            throw new ArgumentException($"RoiAlign needs X (N, C, H, W), rois (R, 4) and batch_indices (R); got X [{string.Join(",", x.Dims)}], rois [{string.Join(",", roisTensor.Dims)}] and {batchIndices.Length} indices.");
        }
        int batch = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int height = (int)x.Dims[2];
        int width = (int)x.Dims[3];
        int pooledHeight = checked((int)context.GetInt("output_height"));
        int pooledWidth = checked((int)context.GetInt("output_width"));
        int samplingRatio = checked((int)context.GetInt("sampling_ratio"));
        double spatialScale = context.GetFloat("spatial_scale");
        bool max = context.GetString("mode") == "max";
        // Opset 10 has no coordinate_transformation_mode and behaves as output_half_pixel.
        bool halfPixel = context.OpsetVersion >= 16 && context.GetString("coordinate_transformation_mode") == "half_pixel";

        ReadOnlySpan<T> input = x.Span<T>();
        ReadOnlySpan<T> rois = ValuesAs<T>(roisTensor);
        int binCount = pooledHeight * pooledWidth;
        var output = new T[batchIndices.Length * channels * binCount];
        for (int r = 0; r < batchIndices.Length; r++)
        {
            if (batchIndices[r] < 0 || batchIndices[r] >= batch)
            {
                throw new ArgumentException($"batch_indices[{r}] = {batchIndices[r]} is outside the batch of {batch}.");
            }
            var region = RegionGrid.Create(rois.Slice(r * 4, 4), spatialScale, halfPixel, pooledHeight, pooledWidth, samplingRatio);
            var samples = region.Samples(height, width);
            int perBin = region.SamplesPerBin;
            for (int c = 0; c < channels; c++)
            {
                var plane = input.Slice((int)((batchIndices[r] * channels + c) * height * width), height * width);
                var bins = output.AsSpan((r * channels + c) * binCount, binCount);
                for (int bin = 0; bin < binCount; bin++)
                {
                    var binSamples = samples.AsSpan(bin * perBin, perBin);
                    bins[bin] = T.CreateTruncating(max ? MaxOf(binSamples, plane) : AverageOf(binSamples, plane));
                }
            }
        }
        long[] outputDims = [batchIndices.Length, channels, pooledHeight, pooledWidth];
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), outputDims, output));
    }

    private static double AverageOf<T>(ReadOnlySpan<BilinearSample> samples, ReadOnlySpan<T> plane)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s.W1 * double.CreateTruncating(plane[s.P1]) + s.W2 * double.CreateTruncating(plane[s.P2])
                + s.W3 * double.CreateTruncating(plane[s.P3]) + s.W4 * double.CreateTruncating(plane[s.P4]);
        }
        return sum / Math.Max(samples.Length, 1);
    }

    private static double MaxOf<T>(ReadOnlySpan<BilinearSample> samples, ReadOnlySpan<T> plane)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        double result = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            var s = samples[i];
            double value = Math.Max(
                Math.Max(s.W1 * double.CreateTruncating(plane[s.P1]), s.W2 * double.CreateTruncating(plane[s.P2])),
                Math.Max(s.W3 * double.CreateTruncating(plane[s.P3]), s.W4 * double.CreateTruncating(plane[s.P4])));
            result = i == 0 ? value : Math.Max(result, value);
        }
        return result;
    }
}
