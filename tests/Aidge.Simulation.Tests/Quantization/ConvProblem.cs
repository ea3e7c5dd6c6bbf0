using Aidge.Core.Tensors;

namespace Aidge.Simulation.Tests.Quantization;

/// <summary>
/// A 2-D grouped, strided, dilated, padded convolution written as the textbook seven nested loops over long
/// accumulators, the reference for QConv: padded taps add nothing, as if X were padded with its zero point.
/// </summary>
internal sealed record ConvProblem(int N, int C, int H, int W, int M, int Group, long[] Kernel, long[] Strides, long[] Pads, long[] Dilations)
{
    public long[] InputDims => [N, C, H, W];

    public long[] WeightDims => [M, C / Group, Kernel[0], Kernel[1]];

    public int OutputHeight => OutputSize(H, 0);

    public int OutputWidth => OutputSize(W, 1);

    public int OutputPlane => OutputHeight * OutputWidth;

    public long[] OutputDims => [N, M, OutputHeight, OutputWidth];

    public long[] Accumulate(Tensor x, int xZeroPoint, Tensor w, int[] bias)
    {
        var xv = QuantizedLayerTests.Values(x);
        var wv = w.Span<sbyte>().ToArray();
        int cg = C / Group;
        int mg = M / Group;
        int kh = (int)Kernel[0];
        int kw = (int)Kernel[1];
        var result = new long[N * M * OutputPlane];
        for (int image = 0; image < N; image++)
        {
            for (int m = 0; m < M; m++)
            {
                int g = m / mg;
                for (int oy = 0; oy < OutputHeight; oy++)
                {
                    for (int ox = 0; ox < OutputWidth; ox++)
                    {
                        long sum = bias[m];
                        for (int ci = 0; ci < cg; ci++)
                        {
                            for (int ky = 0; ky < kh; ky++)
                            {
                                for (int kx = 0; kx < kw; kx++)
                                {
                                    long iy = oy * Strides[0] - Pads[0] + ky * Dilations[0];
                                    long ix = ox * Strides[1] - Pads[1] + kx * Dilations[1];
                                    if (iy < 0 || iy >= H || ix < 0 || ix >= W)
                                    {
                                        continue;
                                    }
                                    long input = xv[((image * C + g * cg + ci) * H + iy) * W + ix];
                                    sum += (input - xZeroPoint) * wv[((m * cg + ci) * kh + ky) * kw + kx];
                                }
                            }
                        }
                        result[((image * M + m) * OutputHeight + oy) * OutputWidth + ox] = sum;
                    }
                }
            }
        }
        return result;
    }

    private int OutputSize(int size, int axis) =>
        (int)((size + Pads[axis] + Pads[axis + 2] - Dilations[axis] * (Kernel[axis] - 1) - 1) / Strides[axis] + 1);
}
