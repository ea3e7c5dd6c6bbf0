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
        var (mergedDims, src, dst) = Merge(dims, sourceStrides, targetStrides);
        long n = TensorLayout.Product(mergedDims, 0, mergedDims.Count);
        return new KernelCall(new ViewCopyHelper(source.Type.SizeOf()), new[]
        {
            NodeContext.Threads, source.Read, CLiteral.Int(from), CLiteral.Int64Array(src), target.Write, CLiteral.Int(to), CLiteral.Int64Array(dst),
            mergedDims.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), CLiteral.Int64Array(mergedDims), CLiteral.Int(n),
        }.ToEquatableArray());
    }

    /// <summary>Copies a view of <paramref name="source"/> into the whole of <paramref name="target"/> (dense, row-major, of <paramref name="dims"/>).</summary>
    public static KernelCall Into(TensorRef source, long from, IReadOnlyList<long> sourceStrides, TensorRef target, IReadOnlyList<long> dims) =>
        Call(source, from, sourceStrides, target, 0, TensorLayout.Strides(dims), dims);

    /// <summary>Drops size-1 dims and fuses neighbours that both views step through contiguously; always keeps one dim.</summary>
    private static (List<long> Dims, List<long> Src, List<long> Dst) Merge(IReadOnlyList<long> dims, IReadOnlyList<long> src, IReadOnlyList<long> dst)
    {
        var d = new List<long>();
        var s = new List<long>();
        var t = new List<long>();
        for (int i = 0; i < dims.Count; i++)
        {
            if (dims[i] == 1)
            {
                continue;
            }
            if (d.Count > 0 && s[^1] == src[i] * dims[i] && t[^1] == dst[i] * dims[i])
            {
                d[^1] *= dims[i];
                s[^1] = src[i];
                t[^1] = dst[i];
                continue;
            }
            d.Add(dims[i]);
            s.Add(src[i]);
            t.Add(dst[i]);
        }
        if (d.Count == 0 || dims.Any(x => x == 0))
        {
            return ([dims.Any(x => x == 0) ? 0 : 1], [0], [0]);
        }
        return (d, s, t);
    }
}
