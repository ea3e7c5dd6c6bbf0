using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Linear;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// ai.aidge QGemm: (A − x_zero_point) [M, K] times the int8 B [N, K] transposed, plus the int32 C [N], exact in
/// double, then the integer requantization of <see cref="Requantization"/> per output column.
/// </summary>
[Kernel("QGemm", Domain = AidgeDomain.Name, WidenHalfPrecision = false)]
public sealed class QGemmKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var bias = context.OptionalInput(2);
        if (a.Rank != 2 || b.Rank != 2 || a.Dims[1] != b.Dims[1])
        {
            throw new ArgumentException($"QGemm needs A [M, K] and B [N, K], got {a} and {b}.");
        }
        int m = (int)a.Dims[0];
        int k = (int)a.Dims[1];
        int n = (int)b.Dims[0];
        var accumulators = new double[m * n];
        if (bias is not null)
        {
            var columns = QuantizedValues.ToDoubles(bias);
            if (columns.Length != n)
            {
                throw new ArgumentException($"QGemm bias has {columns.Length} values for {n} output columns.");
            }
            for (int row = 0; row < m; row++)
            {
                columns.CopyTo(accumulators, row * n);
            }
        }
        MatrixProduct.Multiply(m, n, k, QuantizedValues.Shifted(a, Tensor.Scalar(context.GetInt("x_zero_point"))), k, false,
            QuantizedValues.ToDoubles(b), k, true, accumulators, n, 1.0, bias is null ? 0.0 : 1.0);
        context.SetOutput(0, RequantizedOutput.From(context, a.Type, [m, n], accumulators));
    }
}
