using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sampling;

/// <summary>
/// AffineGrid: each output position holds theta[n] applied to the homogeneous base coordinates (x, y[, z], 1) of
/// that position, the base coordinates spanning [-1, 1] along every axis. Accumulates in double.
/// </summary>
[Kernel("AffineGrid", SinceVersion = 20)]
public sealed class AffineGridKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var thetaTensor = context.Input(0);
        long[] size = context.Input(1).ToInt64Array();
        int spatialRank = size.Length - 2;
        if (spatialRank is not (2 or 3) || thetaTensor.Rank != 3 || thetaTensor.Dims[0] != size[0]
            || thetaTensor.Dims[1] != spatialRank || thetaTensor.Dims[2] != spatialRank + 1)
        {
            throw new ArgumentException($"AffineGrid needs theta (N, r, r+1) and size (N, C, spatial...) with r = 2 or 3; got theta [{string.Join(",", thetaTensor.Dims)}] and size [{string.Join(",", size)}].");
        }
        bool alignCorners = context.GetInt("align_corners") != 0;
        int batch = (int)size[0];
        // Tensor order is (D,) H, W but coordinates are listed x (along W) first.
        var bases = new double[spatialRank][];
        var outputDims = new long[spatialRank + 2];
        outputDims[0] = batch;
        int points = 1;
        for (int a = 0; a < spatialRank; a++)
        {
            int length = checked((int)size[a + 2]);
            bases[spatialRank - 1 - a] = BaseCoordinates(length, alignCorners);
            outputDims[a + 1] = length;
            points *= length;
        }
        outputDims[^1] = spatialRank;

        ReadOnlySpan<T> theta = ValuesAs<T>(thetaTensor);
        var grid = new T[batch * points * spatialRank];
        var position = new int[spatialRank];
        var homogeneous = new double[spatialRank + 1];
        homogeneous[spatialRank] = 1;
        int matrixLength = spatialRank * (spatialRank + 1);
        for (int n = 0; n < batch; n++)
        {
            var matrix = theta.Slice(n * matrixLength, matrixLength);
            Array.Clear(position);
            for (int p = 0; p < points; p++)
            {
                for (int c = 0; c < spatialRank; c++)
                {
                    homogeneous[c] = bases[c][position[c]];
                }
                for (int row = 0; row < spatialRank; row++)
                {
                    double sum = 0;
                    for (int k = 0; k <= spatialRank; k++)
                    {
                        sum += double.CreateTruncating(matrix[row * (spatialRank + 1) + k]) * homogeneous[k];
                    }
                    grid[(n * points + p) * spatialRank + row] = T.CreateTruncating(sum);
                }
                Advance(position, bases);
            }
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), outputDims, grid));
    }

    /// <summary>Evenly spaced positions in [-1, 1]: the pixel centers, or the corner pixels' centers at ±1 with align_corners.</summary>
    private static double[] BaseCoordinates(int length, bool alignCorners)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = alignCorners
                ? (length == 1 ? 0 : -1 + 2.0 * i / (length - 1))
                : (2.0 * i + 1) / length - 1;
        }
        return values;
    }

    /// <summary>Steps the coordinate odometer: x (index 0) varies fastest, as W is the innermost tensor axis.</summary>
    private static void Advance(int[] position, double[][] bases)
    {
        for (int c = 0; c < position.Length; c++)
        {
            if (++position[c] < bases[c].Length)
            {
                return;
            }
            position[c] = 0;
        }
    }
}
