using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>Gemm: Y = alpha·op(A)·op(B) + beta·C, with C (optional from opset 11) broadcast to (M, N).</summary>
[Kernel("Gemm", SinceVersion = 1)]
public sealed class GemmKernel : IKernel
{
    public void Execute(KernelContext context) => context.SetOutput(0, Compute(context));

    /// <summary>The node's output (FusedGemm applies its activation to it).</summary>
    internal static Tensor Compute(KernelContext context) => context.Input(0).Type switch
    {
        DataType.Float => Run(context, (float)context.GetFloat("alpha"), (float)context.GetFloat("beta")),
        DataType.Double => Run(context, (double)context.GetFloat("alpha"), (double)context.GetFloat("beta")),
        DataType.Int32 => Run(context, (int)context.GetFloat("alpha"), (int)context.GetFloat("beta")),
        DataType.Int64 => Run(context, (long)context.GetFloat("alpha"), (long)context.GetFloat("beta")),
        DataType.UInt32 => Run(context, (uint)context.GetFloat("alpha"), (uint)context.GetFloat("beta")),
        DataType.UInt64 => Run(context, (ulong)context.GetFloat("alpha"), (ulong)context.GetFloat("beta")),
        var type => throw new NotSupportedException($"Gemm does not support {type.OnnxName()} tensors."),
    };

    private static Tensor Run<T>(KernelContext context, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        var a = context.Input(0);
        var b = context.Input(1);
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw new ArgumentException($"Gemm needs 2-D A and B, got {a} and {b}.");
        }
        bool transA = context.GetInt("transA") != 0;
        bool transB = context.GetInt("transB") != 0;
        int m = (int)a.Dims[transA ? 1 : 0];
        int k = (int)a.Dims[transA ? 0 : 1];
        int n = (int)b.Dims[transB ? 0 : 1];
        if (b.Dims[transB ? 1 : 0] != k)
        {
            throw new ArgumentException($"Gemm inner dims differ: {a} and {b} with transA={transA}, transB={transB}.");
        }
        var y = Tensor.Create(a.Type, m, n);
        var output = y.Span<T>();
        var c = context.OptionalInput(2);
        bool addC = c is not null && beta != T.Zero;
        if (addC)
        {
            var source = c!.Span<T>();
            var map = BroadcastMap.SourceIndices(c.Dims, [m, n]);
            for (int i = 0; i < output.Length; i++)
            {
                output[i] = beta * source[map[i]];
            }
        }
        MatrixProduct.Multiply<T>(m, n, k, a.Span<T>(), (int)a.Dims[1], transA, b.Span<T>(), (int)b.Dims[1], transB,
            output, n, alpha, addC ? T.One : T.Zero);
        return y;
    }
}
