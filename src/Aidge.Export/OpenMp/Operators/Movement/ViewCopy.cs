using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// One strided view of a tensor copied into a strided view of another: <c>target[to + Σ i·dst] = source[from + Σ i·src]</c>
/// over an index space of <c>dims</c>. Strides may be 0 (broadcast) or negative (reversed). Slice, Expand, Tile, Split
/// and constant Pad are all such views, so they share this one helper, generated per element size: the copy moves
/// bytes, whatever the element type.
/// </summary>
public sealed record ViewCopyHelper(int ElementBytes) : CHelper
{
    public override string Name => $"aidge_view_copy_{ElementBytes * 8}";

    private string Word => $"uint{ElementBytes * 8}_t";

    public override string Code()
    {
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const void* source, int64_t from, const int64_t* src, void* target, int64_t to, const int64_t* dst, int rank, const int64_t* dims, int64_t n)");
        w.Line($"const {Word}* in = (const {Word}*)source + from;");
        w.Line($"{Word}* out = ({Word}*)target + to;");
        w.Line("const int64_t inner = dims[rank - 1];");
        w.Line("const int64_t outer = inner > 0 ? n / inner : 0;");
        w.Line("const int64_t si = src[rank - 1];");
        w.Line("const int64_t di = dst[rank - 1];");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 65536)");
        w.Open("for (int64_t o = 0; o < outer; o++)");
        w.Line("int64_t s = 0, d = 0, rest = o;");
        w.Open("for (int k = rank - 2; k >= 0; k--)");
        w.Line("const int64_t index = rest % dims[k];");
        w.Line("rest /= dims[k];");
        w.Line("s += index * src[k];");
        w.Line("d += index * dst[k];");
        w.Close();
        w.Open("if (si == 1 && di == 1)");
        w.Line($"memcpy(out + d, in + s, (size_t)inner * sizeof({Word}));");
        w.Close();
        w.Open("else");
        w.Open("for (int64_t i = 0; i < inner; i++)");
        w.Line("out[d + i * di] = in[s + i * si];");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}

/// <summary>Plans <see cref="ViewCopyHelper"/> calls, merging dims the two views walk contiguously so inner loops stay long.</summary>
public static class ViewCopy
{
    /// <summary>Copies a view of <paramref name="source"/> into a view of <paramref name="target"/>; strides in elements, one per dim.</summary>
    public static KernelCall Call(TensorRef source, long from, IReadOnlyList<long> sourceStrides, TensorRef target, long to, IReadOnlyList<long> targetStrides, IReadOnlyList<long> dims)
    {
        var merged = StridedDims.Merge(dims, sourceStrides, targetStrides);
        long n = TensorLayout.Product(merged.Dims, 0, merged.Rank);
        return new KernelCall(new ViewCopyHelper(source.Type.SizeOf()), new[]
        {
            NodeContext.Threads, source.Read, CLiteral.Int(from), CLiteral.Int64Array(merged.Strides[0]), target.Write, CLiteral.Int(to), CLiteral.Int64Array(merged.Strides[1]),
            merged.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), CLiteral.Int64Array(merged.Dims), CLiteral.Int(n),
        }.ToEquatableArray());
    }

    /// <summary>Copies a view of <paramref name="source"/> into the whole of <paramref name="target"/> (dense, row-major, of <paramref name="dims"/>).</summary>
    public static KernelCall Into(TensorRef source, long from, IReadOnlyList<long> sourceStrides, TensorRef target, IReadOnlyList<long> dims) =>
        Call(source, from, sourceStrides, target, 0, TensorLayout.Strides(dims), dims);
}
