using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Reduction;

/// <summary>
/// A reduction whose axes (int64) are known only at run time: splits the dims into kept and reduced ones (with their
/// strides) there, then runs <see cref="Reduction"/>; with no axes it reduces everything, or copies the input when
/// noop is set. The output size <c>n</c> was fixed by shape inference. The split lives in stack arrays of the rank.
/// </summary>
public sealed record RunTimeAxesHelper(ReduceHelper Reduction) : CHelper
{
    public override string Name => $"{Reduction.Name}_run_time_axes";

    public override IEnumerable<CHelper> Needs => [Reduction];

    public override string Code()
    {
        string t = CTypes.Of(Reduction.Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int64_t n, int rank, const int64_t* all_dims, const int64_t* axes, int64_t axis_count, int noop)");
        w.Line("int64_t kept_dims[rank], kept_strides[rank], dims[rank], strides[rank], all_strides[rank];");
        w.Line("int reduced[rank];");
        w.Line("int kept_rank = 0, folded_rank = 0;");
        w.Line("int64_t stride = 1, count = 1;");
        w.Open("for (int d = rank - 1; d >= 0; d--)");
        w.Line("reduced[d] = axis_count == 0 && !noop;");
        w.Line("all_strides[d] = stride;");
        w.Line("stride *= all_dims[d];");
        w.Close();
        w.Open("for (int64_t a = 0; a < axis_count; a++)");
        w.Line("const int64_t axis = axes[a] < 0 ? axes[a] + rank : axes[a];");
        w.Line("if (axis >= 0 && axis < rank) reduced[axis] = 1;");
        w.Close();
        w.Open("for (int d = 0; d < rank; d++)");
        w.Open("if (reduced[d])");
        w.Line("dims[folded_rank] = all_dims[d];");
        w.Line("strides[folded_rank++] = all_strides[d];");
        w.Line("count *= all_dims[d];");
        w.Close();
        w.Open("else");
        w.Line("kept_dims[kept_rank] = all_dims[d];");
        w.Line("kept_strides[kept_rank++] = all_strides[d];");
        w.Close();
        w.Close();
        w.Open("if (folded_rank == 0)");
        w.Line($"memcpy(out, in, (size_t)n * sizeof({t}));");
        w.Line("return;");
        w.Close();
        w.Line($"{Reduction.Name}(threads, in, out, n, kept_rank, kept_dims, kept_strides, folded_rank, dims, strides, count);");
        w.Close();
        return w.ToString();
    }
}
