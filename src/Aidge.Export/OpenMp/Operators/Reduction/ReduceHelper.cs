using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Reduction;

/// <summary>
/// One reduction (sum, max, log-sum-exp...) of one element type: each output element folds the input elements that
/// its kept coordinates select. The kept and reduced dims come with their input strides; the innermost reduced dim is a
/// plain strided loop. <c>acc</c> starts at <see cref="Initial"/>, takes <see cref="Step"/> per element <c>x</c>, and
/// <see cref="Final"/> (of <c>acc</c> and the element count <c>count</c>) is stored.
/// </summary>
public sealed record ReduceHelper(string Op, DataType Type, string Accumulator, string Initial, string Step, string Final) : CHelper
{
    public override string Name => $"aidge_reduce_{Op}_{CTypes.Tag(Type)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int64_t n, int kept_rank, const int64_t* kept_dims, const int64_t* kept_strides, int rank, const int64_t* dims, const int64_t* strides, int64_t count)");
        w.Line("const int64_t inner = dims[rank - 1];");
        w.Line("const int64_t step = strides[rank - 1];");
        w.Line("const int64_t outer = inner > 0 ? count / inner : 0;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n * count > 65536)");
        w.Open("for (int64_t o = 0; o < n; o++)");
        w.Line("int64_t base = 0, rest = o;");
        w.Open("for (int k = kept_rank - 1; k >= 0; k--)");
        w.Line("base += (rest % kept_dims[k]) * kept_strides[k];");
        w.Line("rest /= kept_dims[k];");
        w.Close();
        w.Line($"{Accumulator} acc = {Initial};");
        w.Open("for (int64_t r = 0; r < outer; r++)");
        w.Line("int64_t offset = base;");
        w.Line("rest = r;");
        w.Open("for (int k = rank - 2; k >= 0; k--)");
        w.Line("offset += (rest % dims[k]) * strides[k];");
        w.Line("rest /= dims[k];");
        w.Close();
        w.Open("for (int64_t i = 0; i < inner; i++)");
        w.Line($"const {t} x = in[offset + i * step];");
        w.Line($"{Step};");
        w.Close();
        w.Close();
        w.Line($"out[o] = ({t})({Final});");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
