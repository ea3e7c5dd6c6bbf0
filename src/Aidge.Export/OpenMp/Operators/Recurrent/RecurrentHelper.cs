using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Recurrent;

/// <summary>The recurrent cells, with their gate count.</summary>
public enum RecurrentCell
{
    Rnn = 1,
    Gru = 3,
    Lstm = 4,
}

/// <summary>
/// One recurrent layer (RNN, GRU or LSTM, default activations): every (direction, batch row) pair runs its sequence on
/// its own thread with its state in double-precision locals (variable-length arrays: no allocation). The shared
/// skeleton handles layouts 0 and 1, directions, per-row sequence lengths (zeros after the end), initial states and the outputs; it computes <c>g = W·x_t + Wb</c>
/// and the cell body adds the recurrent part and updates <c>h</c> (and <c>c</c>). Generated per cell and element type.
/// </summary>
public sealed record RecurrentHelper(RecurrentCell Cell, DataType Type) : CHelper
{
    public override string Name => $"aidge_{Cell.ToString().ToLowerInvariant()}_{CTypes.Tag(Type)}";

    public override IEnumerable<CHelper> Needs => [new RuntimeHelper("aidge_rnn_math")];

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* x, const {t}* w, const {t}* r, const {t}* b, const {t}* initial_h, const {t}* initial_c, const {t}* p, const int32_t* lengths, {t}* y, {t}* y_h, {t}* y_c, int64_t seq, int64_t batch, int64_t input, int64_t hidden, int directions, int reverse, int layout, double clip, int flag)");
        w.Line($"const int64_t gates = {(int)Cell} * hidden;");
        w.Line("(void)initial_c; (void)p; (void)y_c; (void)flag;");
        w.Line("#pragma omp parallel for num_threads(threads) if (directions * batch > 1 && seq * gates * (input + hidden) > 32768)");
        w.Open("for (int64_t job = 0; job < directions * batch; job++)");
        w.Line("const int d = (int)(job / batch);");
        w.Line("const int64_t n = job % batch;");
        w.Line("const int backward = directions == 2 ? d == 1 : reverse;");
        w.Line($"const {t}* wd = w + d * gates * input;");
        w.Line($"const {t}* rd = r + d * gates * hidden;");
        w.Line($"const {t}* bd = b != NULL ? b + d * 2 * gates : NULL;");
        w.Line("const int64_t state = layout ? (n * directions + d) * hidden : (d * batch + n) * hidden;");
        w.Line("double h[hidden], c[hidden], g[gates];");
        w.Open("for (int64_t k = 0; k < hidden; k++)");
        w.Line("h[k] = initial_h != NULL ? initial_h[state + k] : 0;");
        w.Line("c[k] = initial_c != NULL ? initial_c[state + k] : 0;");
        w.Close();
        w.Line("const int64_t length = lengths != NULL ? (lengths[n] < seq ? lengths[n] : seq) : seq;");
        w.Open("for (int64_t step = 0; step < length; step++)");
        w.Line("const int64_t t = backward ? length - 1 - step : step;");
        w.Line($"const {t}* xt = x + (layout ? n * seq + t : t * batch + n) * input;");
        w.Open("for (int64_t j = 0; j < gates; j++)");
        w.Line("double s = bd != NULL ? bd[j] : 0;");
        w.Open("for (int64_t i = 0; i < input; i++)");
        w.Line("s += (double)wd[j * input + i] * xt[i];");
        w.Close();
        w.Line("g[j] = s;");
        w.Close();
        WriteCell(w, t);
        w.Open("if (y != NULL)");
        w.Line($"{t}* yt = y + (layout ? (n * seq + t) * directions + d : (t * directions + d) * batch + n) * hidden;");
        w.Open("for (int64_t k = 0; k < hidden; k++)");
        w.Line($"yt[k] = ({t})h[k];");
        w.Close();
        w.Close();
        w.Close();
        w.Comment("Steps past a row's sequence length output zeros.");
        w.Open("for (int64_t t = length; y != NULL && t < seq; t++)");
        w.Line($"memset(y + (layout ? (n * seq + t) * directions + d : (t * directions + d) * batch + n) * hidden, 0, (size_t)hidden * sizeof({t}));");
        w.Close();
        w.Open("for (int64_t k = 0; k < hidden; k++)");
        w.Open("if (y_h != NULL)");
        w.Line($"y_h[state + k] = ({t})h[k];");
        w.Close();
        w.Open("if (y_c != NULL)");
        w.Line($"y_c[state + k] = ({t})c[k];");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>Adds <c>Rb + R·h</c> to gates [from, to) of <c>g</c> (the recurrent part every cell shares).</summary>
    private static void AddRecurrence(CSourceWriter w, string from, string to)
    {
        w.Open($"for (int64_t j = {from}; j < {to}; j++)");
        w.Line("double s = bd != NULL ? bd[gates + j] : 0;");
        w.Open("for (int64_t m = 0; m < hidden; m++)");
        w.Line("s += (double)rd[j * hidden + m] * h[m];");
        w.Close();
        w.Line("g[j] += s;");
        w.Close();
    }

    private void WriteCell(CSourceWriter w, string t)
    {
        switch (Cell)
        {
            case RecurrentCell.Rnn:
                AddRecurrence(w, "0", "gates");
                w.Open("for (int64_t k = 0; k < hidden; k++)");
                w.Line("h[k] = tanh(aidge_rnn_clip(g[k], clip));");
                w.Close();
                break;
            case RecurrentCell.Gru:
                w.Comment("z and r; then the candidate, with the reset applied before (flag = linear_before_reset) or after R_h.");
                AddRecurrence(w, "0", "2 * hidden");
                w.Open("for (int64_t j = 0; j < 2 * hidden; j++)");
                w.Line("g[j] = aidge_rnn_sigmoid(aidge_rnn_clip(g[j], clip));");
                w.Close();
                w.Open("for (int64_t k = 0; k < hidden; k++)");
                w.Line($"const {t}* rh = rd + (2 * hidden + k) * hidden;");
                w.Line("double s = 0;");
                w.Open("for (int64_t m = 0; m < hidden; m++)");
                w.Line("s += (double)rh[m] * (flag ? h[m] : g[hidden + m] * h[m]);");
                w.Close();
                w.Line("s += bd != NULL ? bd[gates + 2 * hidden + k] : 0;");
                w.Line("g[2 * hidden + k] = tanh(aidge_rnn_clip(g[2 * hidden + k] + (flag ? g[hidden + k] * s : s), clip));");
                w.Close();
                w.Open("for (int64_t k = 0; k < hidden; k++)");
                w.Line("h[k] = (1 - g[k]) * g[2 * hidden + k] + g[k] * h[k];");
                w.Close();
                break;
            default:
                w.Comment("Gates i, o, f, c; peepholes i, o, f; flag = input_forget couples f to 1 - i.");
                AddRecurrence(w, "0", "gates");
                w.Open("for (int64_t k = 0; k < hidden; k++)");
                w.Line("const double before = c[k];");
                w.Line("const double i = aidge_rnn_sigmoid(aidge_rnn_clip(g[k] + (p != NULL ? p[d * 3 * hidden + k] * before : 0), clip));");
                w.Line("const double f = flag ? 1 - i : aidge_rnn_sigmoid(aidge_rnn_clip(g[2 * hidden + k] + (p != NULL ? p[d * 3 * hidden + 2 * hidden + k] * before : 0), clip));");
                w.Line("c[k] = f * before + i * tanh(aidge_rnn_clip(g[3 * hidden + k], clip));");
                w.Line("const double o = aidge_rnn_sigmoid(aidge_rnn_clip(g[hidden + k] + (p != NULL ? p[d * 3 * hidden + hidden + k] * c[k] : 0), clip));");
                w.Line("h[k] = o * tanh(c[k]);");
                w.Close();
                break;
        }
    }
}
