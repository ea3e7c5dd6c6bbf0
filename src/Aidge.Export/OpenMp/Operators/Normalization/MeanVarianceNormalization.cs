using System.Globalization;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// MeanVarianceNormalization over any set of axes: the tensor is walked as groups (the kept axes) of reduced elements
/// (the normalized axes), each a strided index space, and y = (x − E[x]) / (sqrt(E[x²] − E[x]²) + 1e-9) per group
/// (the operator's function definition, epsilon on the standard deviation), in double. Generated per element type.
/// </summary>
public sealed record MeanVarianceHelper(DataType Type) : TypedHelper("mvn", Type)
{
    protected override void Write(CSourceWriter w, string t)
    {
        w.Open($"static int64_t {Name}_offset(int64_t index, int rank, const int64_t* dims, const int64_t* strides)");
        w.Line("int64_t offset = 0;");
        w.Open("for (int d = rank - 1; d >= 0; d--)");
        w.Line("offset += index % dims[d] * strides[d];");
        w.Line("index /= dims[d];");
        w.Close();
        w.Line("return offset;");
        w.Close();
        w.Line();
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int kept_rank, const int64_t* kept_dims, const int64_t* kept_strides, int64_t groups, int rank, const int64_t* dims, const int64_t* strides, int64_t count)");
        w.Line("#pragma omp parallel for num_threads(threads) if (groups * count > 32768)");
        w.Open("for (int64_t g = 0; g < groups; g++)");
        w.Line($"const int64_t base = {Name}_offset(g, kept_rank, kept_dims, kept_strides);");
        w.Line("double sum = 0, squares = 0;");
        w.Open("for (int64_t e = 0; e < count; e++)");
        w.Line($"const double x = in[base + {Name}_offset(e, rank, dims, strides)];");
        w.Line("sum += x;");
        w.Line("squares += x * x;");
        w.Close();
        w.Line("const double mean = count > 0 ? sum / count : 0;");
        w.Line("const double deviation = sqrt((count > 0 ? squares / count : 0) - mean * mean) + 1e-9;");
        w.Open("for (int64_t e = 0; e < count; e++)");
        w.Line($"const int64_t at = base + {Name}_offset(e, rank, dims, strides);");
        w.Line($"out[at] = ({t})((in[at] - mean) / deviation);");
        w.Close();
        w.Close();
        w.Close();
    }
}

/// <summary>MeanVarianceNormalization (axes default [0, 2, 3]).</summary>
[OpenMpEmitter("MeanVarianceNormalization")]
public sealed class MeanVarianceNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Float);
        var axes = (node.GetInts("axes") ?? [0, 2, 3]).Select(a => ShapeMath.NormalizeAxis(a, input.Rank)).ToHashSet();
        long[] strides = TensorLayout.Strides(input.Dims);
        var kept = Enumerable.Range(0, input.Rank).Where(a => !axes.Contains(a)).ToList();
        var reduced = Enumerable.Range(0, input.Rank).Where(axes.Contains).ToList();
        yield return new KernelCall(new MeanVarianceHelper(input.Type), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write,
            kept.Count.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(kept.Select(a => input.Dims[a])), CLiteral.Int64Array(kept.Select(a => strides[a])),
            CLiteral.Int(kept.Aggregate(1L, (p, a) => p * input.Dims[a])),
            reduced.Count.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(reduced.Select(a => input.Dims[a])), CLiteral.Int64Array(reduced.Select(a => strides[a])),
            CLiteral.Int(reduced.Aggregate(1L, (p, a) => p * input.Dims[a])),
        }.ToEquatableArray());
    }
}
