using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>The non-constant Pad modes; the values are what the C helper switches on.</summary>
public enum PadMode
{
    Edge = 0,
    Reflect = 1,
    Wrap = 2,
}

/// <summary>
/// Pad modes that read the input for every output element (edge, reflect, wrap): each output coordinate is mapped back
/// into the input per axis. Generated per element size: only bytes move.
/// </summary>
public sealed record PadMapHelper(int ElementBytes) : CHelper
{
    public override string Name => $"aidge_pad_map_{ElementBytes * 8}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const void* source, void* target, int rank, const int64_t* in_dims, const int64_t* out_dims, const int64_t* begin, int mode, int64_t n)");
        w.Line($"const {word}* in = (const {word}*)source;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 65536)");
        w.Open("for (int64_t o = 0; o < n; o++)");
        w.Line("int64_t rest = o, offset = 0, stride = 1;");
        w.Open("for (int k = rank - 1; k >= 0; k--)");
        w.Line("const int64_t d = in_dims[k];");
        w.Line("int64_t x = rest % out_dims[k] - begin[k];");
        w.Line("rest /= out_dims[k];");
        w.Open("if (mode == 0)");
        w.Line("x = x < 0 ? 0 : x >= d ? d - 1 : x;");
        w.Close();
        w.Open("else if (mode == 1)");
        w.Comment("Mirror without repeating the edge: the pattern has period 2(d-1).");
        w.Line("const int64_t period = d > 1 ? 2 * (d - 1) : 1;");
        w.Line("x %= period;");
        w.Line("x = x < 0 ? x + period : x;");
        w.Line("x = x >= d ? period - x : x;");
        w.Close();
        w.Open("else");
        w.Line("x %= d;");
        w.Line("x = x < 0 ? x + d : x;");
        w.Close();
        w.Line("offset += x * stride;");
        w.Line("stride *= d;");
        w.Close();
        w.Line("out[o] = in[offset];");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
