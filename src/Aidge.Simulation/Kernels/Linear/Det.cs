using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>
/// Det: the determinant of each trailing M×M matrix by LU decomposition with partial pivoting (as LAPACK's
/// getrf, which numpy uses), in double precision whatever the element type.
/// </summary>
[Kernel("Det", SinceVersion = 11)]
public sealed class DetKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var input = context.Input(0);
        if (input.Rank < 2 || input.Dims[^1] != input.Dims[^2])
        {
            throw new ArgumentException($"Det needs [*, M, M] square matrices, not {input}.");
        }
        int m = (int)input.Dims[^1];
        var values = ValuesAs<T>(input);
        var batch = input.Dims[..^2];
        var determinants = new T[Tensor.ElementCountOf(batch)];
        var matrix = new double[m * m];
        for (int b = 0; b < determinants.Length; b++)
        {
            var source = values.Slice(b * m * m, m * m);
            for (int i = 0; i < matrix.Length; i++)
            {
                matrix[i] = double.CreateTruncating(source[i]);
            }
            determinants[b] = T.CreateTruncating(Determinant(matrix, m));
        }
        context.SetOutput(0, TensorOf<T>(input.Type, batch, determinants));
    }

    /// <summary>Eliminates <paramref name="a"/> (row-major, destroyed) in place and multiplies the pivots.</summary>
    private static double Determinant(double[] a, int m)
    {
        double determinant = 1;
        for (int column = 0; column < m; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < m; row++)
            {
                if (Math.Abs(a[(row * m) + column]) > Math.Abs(a[(pivot * m) + column]))
                {
                    pivot = row;
                }
            }
            if (a[(pivot * m) + column] == 0)
            {
                return 0;
            }
            if (pivot != column)
            {
                for (int k = column; k < m; k++)
                {
                    (a[(pivot * m) + k], a[(column * m) + k]) = (a[(column * m) + k], a[(pivot * m) + k]);
                }
                determinant = -determinant;
            }
            double diagonal = a[(column * m) + column];
            determinant *= diagonal;
            for (int row = column + 1; row < m; row++)
            {
                double factor = a[(row * m) + column] / diagonal;
                for (int k = column + 1; k < m; k++)
                {
                    a[(row * m) + k] -= factor * a[(column * m) + k];
                }
            }
        }
        return determinant;
    }
}
