using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Image;

/// <summary>
/// Separable resampling (Resize, Upsample) from tap tables computed when exporting: each resized axis d gives every
/// output coordinate <c>counts[d]</c> taps, an input offset (already multiplied by the axis' input stride) and a
/// weight, starting at <c>starts[d] + coordinate * counts[d]</c>; axes with count 0 are copied through their input
/// stride. An output reads the sum over all tap combinations of the product of their weights; a first tap offset of
/// -1 marks a coordinate outside the input (tf_crop_and_resize), whose output is the extrapolation value.
/// Accumulates in double. Generated per element type.
/// </summary>
public sealed record ResizeHelper(DataType Type) : CHelper
{
    /// <summary>The largest rank the helper's fixed-size tap counters hold.</summary>
    public const int MaxRank = 8;

    public override string Name => $"aidge_resize_{CTypes.Tag(Type)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int rank, const int64_t* out_dims, const int64_t* in_strides, const int64_t* counts, const int64_t* starts, const int64_t* offsets, const double* weights, double extrapolation, int64_t n)");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 16384)");
        w.Open("for (int64_t o = 0; o < n; o++)");
        w.Line($"int64_t first[{MaxRank}], tap[{MaxRank}];");
        w.Line("int64_t base = 0, rest = o;");
        w.Line("int outside = 0;");
        w.Open("for (int d = rank - 1; d >= 0; d--)");
        w.Line("const int64_t c = rest % out_dims[d];");
        w.Line("rest /= out_dims[d];");
        w.Line("tap[d] = 0;");
        w.Open("if (counts[d] == 0)");
        w.Line("base += c * in_strides[d];");
        w.Close();
        w.Open("else");
        w.Line("first[d] = starts[d] + c * counts[d];");
        w.Line("outside |= offsets[first[d]] < 0;");
        w.Close();
        w.Close();
        w.Open("if (outside)");
        w.Line($"out[o] = ({t})extrapolation;");
        w.Line("continue;");
        w.Close();
        w.Line("double sum = 0;");
        w.Open("for (;;)");
        w.Line("int64_t offset = base;");
        w.Line("double weight = 1;");
        w.Open("for (int d = 0; d < rank; d++)");
        w.Open("if (counts[d] != 0)");
        w.Line("offset += offsets[first[d] + tap[d]];");
        w.Line("weight *= weights[first[d] + tap[d]];");
        w.Close();
        w.Close();
        w.Line("sum += weight * in[offset];");
        w.Line("int d = rank - 1;");
        w.Open("while (d >= 0 && (counts[d] == 0 || ++tap[d] == counts[d]))");
        w.Line("tap[d] = 0;");
        w.Line("d--;");
        w.Close();
        w.Open("if (d < 0)");
        w.Line("break;");
        w.Close();
        w.Close();
        w.Line($"out[o] = ({t})sum;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
