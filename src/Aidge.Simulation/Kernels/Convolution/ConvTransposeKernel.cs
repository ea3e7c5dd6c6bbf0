using System.Buffers;
using System.Numerics;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Linear;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// ConvTranspose, the adjoint of Conv: per (image, group) one GEMM W[g]ᵀ (M/group·k × C/group) times X[n, g]
/// (C/group × input positions) gives every kernel tap's contribution, which col2im adds into Y.
/// </summary>
[Kernel("ConvTranspose", SinceVersion = 1)]
public sealed class ConvTransposeKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        context.SetOutput(0, Run(context, x, w, x.Span<T>(), w.Span<T>(), b is null ? default : b.Span<T>()));
    }

    private static Tensor Run<T>(KernelContext context, Tensor x, Tensor w, ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias)
        where T : unmanaged, INumber<T>
    {
        int group = (int)context.GetInt("group");
        if (x.Rank < 3 || w.Rank != x.Rank || group <= 0 || x.Dims[1] % group != 0 || w.Dims[0] != x.Dims[1])
        {
            throw new ArgumentException($"ConvTranspose with group {group}: X {x} and W {w} do not agree.");
        }
        long[] kernel = w.Dims[2..];
        if (context.GetInts("kernel_shape") is { } declared && !declared.SequenceEqual(kernel))
        {
            throw new ArgumentException($"kernel_shape [{string.Join(",", declared)}] differs from W {w}.");
        }
        var window = TransposedWindow.FromNode(context.Node, kernel);
        int n = (int)x.Dims[0];
        int c = (int)x.Dims[1];
        int cg = c / group;
        int mg = (int)w.Dims[1];
        int m = mg * group;
        if (!bias.IsEmpty && bias.Length != m)
        {
            throw new ArgumentException($"ConvTranspose bias has {bias.Length} values for {m} output channels.");
        }
        long[] spatial = x.Dims[2..];
        var output = new long[spatial.Length];
        var padBegin = new long[spatial.Length];
        for (int i = 0; i < spatial.Length; i++)
        {
            (output[i], padBegin[i], _) = window.Resolve(i, spatial[i]);
        }
        // The output is the image the kernel patches cover; the input grid gives the patch positions.
        var geometry = new PatchGeometry(output, spatial, kernel, window.Strides, window.Dilations, padBegin);
        var y = Tensor.Create(x.Type, [n, m, .. output]);
        var result = y.Span<T>();
        int rows = mg * geometry.KernelSize;
        int positions = geometry.PositionCount;
        T[] columns = ArrayPool<T>.Shared.Rent(rows * positions);
        try
        {
            for (int image = 0; image < n; image++)
            {
                for (int g = 0; g < group; g++)
                {
                    var matrix = columns.AsSpan(0, rows * positions);
                    MatrixProduct.Multiply(rows, positions, cg, weights.Slice(g * cg * rows, cg * rows), rows, true,
                        input.Slice((image * c + g * cg) * positions, cg * positions), positions, false, matrix, positions, T.One, T.Zero);
                    geometry.Col2ImAdd<T>(matrix, mg, result.Slice((image * m + g * mg) * geometry.ImageSize, mg * geometry.ImageSize));
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(columns);
        }
        if (!bias.IsEmpty)
        {
            for (int image = 0; image < n; image++)
            {
                for (int channel = 0; channel < m; channel++)
                {
                    var plane = result.Slice((image * m + channel) * geometry.ImageSize, geometry.ImageSize);
                    for (int i = 0; i < plane.Length; i++)
                    {
                        plane[i] += bias[channel];
                    }
                }
            }
        }
        return y;
    }
}
