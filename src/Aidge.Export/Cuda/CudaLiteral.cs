using Aidge.Export.C;
using Aidge.Export.Kernels.Convolution;

namespace Aidge.Export.Cuda;

/// <summary>
/// CUDA C++ spellings of the small structs the kernels take by value (C99 compound literals are not C++): a window
/// as <c>aidge_cu_window{...}</c>, a MatMul batch as <c>aidge_cu_batch{...}</c>, and small fixed-size tables as brace
/// lists. Scalars are <see cref="CLiteral"/>'s.
/// </summary>
public static class CudaLiteral
{
    /// <summary>The batch dims a <c>aidge_cu_batch</c> holds (AIDGE_BATCH_RANK of aidge_cu_gemm.cu).</summary>
    public const int BatchRank = 6;

    public static string Window(SpatialWindow window) =>
        $"aidge_cu_window{{{string.Join(", ", new[] { window.In, window.Out, window.Kernel, window.Stride, window.Dilation, window.PadBegin, window.PadEnd }.Select(List))}}}";

    /// <summary>A batch of MatMul products: its dims and the element offset steps of A and B along each.</summary>
    public static string Batch(IReadOnlyList<long> dims, IReadOnlyList<long> a, IReadOnlyList<long> b) =>
        $"aidge_cu_batch{{{CLiteral.Int(dims.Count)}, {List(dims)}, {List(a)}, {List(b)}}}";

    /// <summary>A brace list of int64 values: <c>{1, 2, 3}</c> (<c>{0}</c> when empty, so old compilers see a value; a rank-0 table is never read).</summary>
    public static string List(IEnumerable<long> values)
    {
        var list = values.ToList();
        return $"{{{(list.Count == 0 ? "0" : string.Join(", ", list.Select(CLiteral.Int)))}}}";
    }
}
