using System.Globalization;
using Aidge.Export.C;
using Aidge.Export.Kernels.Convolution;

namespace Aidge.Export.Cuda;

/// <summary>
/// CUDA C++ spellings of the small structs the kernels take by value (C99 compound literals are not C++): a window
/// as <c>aidge_cu_window{...}</c>, a MatMul batch as <c>aidge_cu_batch{...}</c>. Scalars are <see cref="CLiteral"/>'s.
/// </summary>
public static class CudaLiteral
{
    /// <summary>The batch dims a <c>aidge_cu_batch</c> holds (AIDGE_BATCH_RANK of aidge_cu_gemm.cu).</summary>
    public const int BatchRank = 6;

    public static string Window(SpatialWindow window) =>
        $"aidge_cu_window{{{string.Join(", ", new[] { window.In, window.Out, window.Kernel, window.Stride, window.Dilation, window.PadBegin, window.PadEnd }.Select(Braced))}}}";

    /// <summary>A batch of MatMul products: its dims and the element offset steps of A and B along each.</summary>
    public static string Batch(IReadOnlyList<long> dims, IReadOnlyList<long> a, IReadOnlyList<long> b) =>
        $"aidge_cu_batch{{{Int(dims.Count)}, {Braced(dims)}, {Braced(a)}, {Braced(b)}}}";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A braced initializer list; an empty one is <c>{0}</c> so old compilers see a value.</summary>
    private static string Braced(IReadOnlyList<long> values) => values.Count == 0 ? "{0}" : $"{{{string.Join(", ", values.Select(CLiteral.Int))}}}";
}
