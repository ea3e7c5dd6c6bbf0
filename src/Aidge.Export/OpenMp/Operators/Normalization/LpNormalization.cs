using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>x / ||x||_p along each lane of [outer, axis, inner] (p = 1 or 2, the norm in double), 0 where the norm is 0.</summary>
public sealed record LpNormalizeHelper(DataType Type) : TypedHelper("lp_normalize", Type)
{
    protected override void Write(CSourceWriter w, string t)
    {
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int64_t outer, int64_t axis, int64_t inner, int p)");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * axis * inner > 32768)");
        w.Open("for (int64_t o = 0; o < outer * inner; o++)");
        w.Line("const int64_t start = (o / inner) * axis * inner + o % inner;");
        w.Line("double norm = 0;");
        w.Open("for (int64_t a = 0; a < axis; a++)");
        w.Line("const double v = in[start + a * inner];");
        w.Line("norm += p == 1 ? fabs(v) : v * v;");
        w.Close();
        w.Line("norm = p == 1 ? norm : sqrt(norm);");
        w.Open("for (int64_t a = 0; a < axis; a++)");
        w.Line($"out[start + a * inner] = norm == 0 ? 0 : ({t})(in[start + a * inner] / norm);");
        w.Close();
        w.Close();
        w.Close();
    }
}

[OpenMpEmitter("LpNormalization")]
public sealed class LpNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Float);
        long p = node.GetInt("p");
        if (p is not (1 or 2))
        {
            throw node.Unsupported($"p = {p}; LpNormalization supports p = 1 or 2");
        }
        var (outer, length, inner) = TensorLayout.AroundAxis(input.Dims, ShapeMath.NormalizeAxis(node.GetInt("axis"), input.Rank));
        yield return new KernelCall(new LpNormalizeHelper(input.Type), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(inner), CLiteral.Int(p),
        }.ToEquatableArray());
    }
}
