using System.Numerics;

namespace Aidge.Simulation.Kernels.Sampling;

/// <summary>One bilinear sample of a feature-map plane: the four corner offsets and their weights.</summary>
public readonly record struct BilinearSample(int P1, int P2, int P3, int P4, double W1, double W2, double W3, double W4);

/// <summary>
/// The sampling layout of one RoiAlign region: where it starts, how large its bins are and how many samples
/// each bin takes along each axis.
/// </summary>
public readonly record struct RegionGrid(
    double StartY, double StartX, double BinHeight, double BinWidth, int PooledHeight, int PooledWidth, int SamplesY, int SamplesX)
{
    public int SamplesPerBin => SamplesY * SamplesX;

    public static RegionGrid Create<T>(ReadOnlySpan<T> box, double spatialScale, bool halfPixel, int pooledHeight, int pooledWidth, int samplingRatio)
        where T : unmanaged, INumberBase<T>
    {
        double offset = halfPixel ? 0.5 : 0;
        double startX = double.CreateTruncating(box[0]) * spatialScale - offset;
        double startY = double.CreateTruncating(box[1]) * spatialScale - offset;
        double regionWidth = double.CreateTruncating(box[2]) * spatialScale - offset - startX;
        double regionHeight = double.CreateTruncating(box[3]) * spatialScale - offset - startY;
        if (!halfPixel)
        {
            // The legacy transformation forces malformed regions to be at least 1x1.
            regionWidth = Math.Max(regionWidth, 1);
            regionHeight = Math.Max(regionHeight, 1);
        }
        double binHeight = regionHeight / pooledHeight;
        double binWidth = regionWidth / pooledWidth;
        int samplesY = samplingRatio > 0 ? samplingRatio : (int)Math.Ceiling(regionHeight / pooledHeight);
        int samplesX = samplingRatio > 0 ? samplingRatio : (int)Math.Ceiling(regionWidth / pooledWidth);
        return new RegionGrid(startY, startX, binHeight, binWidth, pooledHeight, pooledWidth, samplesY, samplesX);
    }

    /// <summary>Every sample of every bin, bin-major, for a plane of the given size.</summary>
    public BilinearSample[] Samples(int height, int width)
    {
        var samples = new BilinearSample[PooledHeight * PooledWidth * SamplesPerBin];
        int index = 0;
        for (int ph = 0; ph < PooledHeight; ph++)
        {
            for (int pw = 0; pw < PooledWidth; pw++)
            {
                for (int iy = 0; iy < SamplesY; iy++)
                {
                    double y = StartY + ph * BinHeight + (iy + 0.5) * BinHeight / SamplesY;
                    for (int ix = 0; ix < SamplesX; ix++)
                    {
                        double x = StartX + pw * BinWidth + (ix + 0.5) * BinWidth / SamplesX;
                        samples[index++] = Sample(y, x, height, width);
                    }
                }
            }
        }
        return samples;
    }

    /// <summary>A sample more than one pixel outside the map contributes zero; otherwise it is clamped to the edge.</summary>
    private static BilinearSample Sample(double y, double x, int height, int width)
    {
        if (y < -1 || y > height || x < -1 || x > width)
        {
            return default;
        }
        (int yLow, int yHigh, double ly) = Corners(Math.Max(y, 0), height);
        (int xLow, int xHigh, double lx) = Corners(Math.Max(x, 0), width);
        double hy = 1 - ly;
        double hx = 1 - lx;
        return new BilinearSample(
            yLow * width + xLow, yLow * width + xHigh, yHigh * width + xLow, yHigh * width + xHigh,
            hy * hx, hy * lx, ly * hx, ly * lx);
    }

    private static (int Low, int High, double Fraction) Corners(double position, int size)
    {
        int low = (int)position;
        if (low >= size - 1)
        {
            return (size - 1, size - 1, 0);
        }
        return (low, low + 1, position - low);
    }
}
