using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Selection;

/// <summary>
/// The k best elements of each lane of [outer, axis, inner], best first, with their int64 indices. "Best" is a total
/// order: larger (or smaller) values first, NaN before everything when largest and after when smallest, equal values
/// by lower index. Each pick is the best element ordered after the previous pick, so no scratch memory is needed
/// (k passes over the lane). Generated per element type.
/// </summary>
public sealed record TopKHelper(DataType Type) : TypedHelper("topk", Type)
{
    protected override void Write(CSourceWriter w, string t)
    {
        w.Open($"static int {Name}_before({t} v, int64_t a, {t} u, int64_t b, int largest)");
        w.Open("if (v == u || (v != v && u != u))");
        w.Line("return a < b;");
        w.Close();
        w.Line("return largest ? v > u || v != v : v < u || u != u;");
        w.Close();
        w.Line();
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* values, int64_t* indices, int64_t outer, int64_t axis, int64_t inner, int64_t k, int largest)");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * axis * inner * k > 65536)");
        w.Open("for (int64_t o = 0; o < outer * inner; o++)");
        w.Line($"const {t}* lane = in + (o / inner) * axis * inner + o % inner;");
        w.Line("const int64_t first = (o / inner) * k * inner + o % inner;");
        w.Line("int64_t previous = -1;");
        w.Open("for (int64_t j = 0; j < k; j++)");
        w.Line("int64_t best = -1;");
        w.Open("for (int64_t a = 0; a < axis; a++)");
        w.Line($"const {t} x = lane[a * inner];");
        w.Open($"if (previous >= 0 && !{Name}_before(lane[previous * inner], previous, x, a, largest))");
        w.Line("continue;");
        w.Close();
        w.Open($"if (best < 0 || {Name}_before(x, a, lane[best * inner], best, largest))");
        w.Line("best = a;");
        w.Close();
        w.Close();
        w.Open("if (values != NULL)");
        w.Line("values[first + j * inner] = lane[best * inner];");
        w.Close();
        w.Open("if (indices != NULL)");
        w.Line("indices[first + j * inner] = best;");
        w.Close();
        w.Line("previous = best;");
        w.Close();
        w.Close();
        w.Close();
    }
}

/// <summary>TopK; k is the output's static size along the axis (so it is known when compiling), results always sorted.</summary>
[OpenMpEmitter("TopK")]
public sealed class TopK : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Numeric);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), input.Rank);
        var (outer, length, inner) = TensorLayout.AroundAxis(input.Dims, axis);
        var values = (node.HasOutput(0) ? node.Output(0) : null);
        var indices = (node.HasOutput(1) ? node.Output(1) : null);
        long k = (values ?? indices)?.Dims[axis] ?? 0;
        if (k > length)
        {
            throw node.Unsupported($"k = {k} is larger than the axis ({length})");
        }
        long largest = node.OpsetVersion >= 11 ? node.GetInt("largest") : 1;
        yield return new KernelCall(new TopKHelper(input.Type), new[]
        {
            NodeContext.Threads, input.Read, values?.Write ?? "NULL", indices?.Write ?? "NULL", CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(inner), CLiteral.Int(k), largest != 0 ? "1" : "0",
        }.ToEquatableArray());
    }
}
