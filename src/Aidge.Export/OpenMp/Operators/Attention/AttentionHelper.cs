using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Attention;

/// <summary>
/// Scaled dot-product attention, one query row per iteration: scores = scale·q·kᵀ over the past keys then the new
/// ones, softcap, + the mask bias (a bool or additive mask broadcast through strides, -inf beyond its width, causal,
/// padding lengths), softmax, then the rows of V weighted by the probabilities. Q, K, V and Y are read and written
/// through (batch, head, position) strides, so the 3-D [batch, sequence, heads·size] and 4-D layouts share the code;
/// each key/value head serves heads / kv_heads consecutive query heads. <c>qk</c>, when not NULL, captures the scores
/// at stage <c>qk_mode</c> (0 scaled, 1 softcapped, 2 masked, 3 softmax). The score row and the output row are stack
/// arrays (VLAs) of the total sequence length and the value size. Generated per element type; float16 is stored as half and computed in float.
/// </summary>
public sealed record AttentionHelper(DataType Type) : TypedHelper("attention", Type)
{
    public override IEnumerable<CHelper> Needs => ElementwiseHelper.IsHalf(Type) ? [new RuntimeHelper("aidge_half")] : [];

    protected override void Write(CSourceWriter w, string t)
    {
        string c = ElementwiseHelper.ComputeType(Type);
        string f = ElementTypeSets.MathSuffix(Type);
        w.Open($"static void {Name}(int threads, const {t}* q, const int64_t* qs, const {t}* k, const int64_t* ks, const {t}* past_k, const {t}* v, const int64_t* vs, const {t}* past_v, {t}* y, const int64_t* ys, const int64_t* sizes, double scale, double softcap, const void* mask, int mask_kind, const int64_t* ms, int64_t mask_width, int causal, const int64_t* lengths, {t}* qk, int qk_mode)");
        w.Line("const int64_t batch = sizes[0], heads = sizes[1], kv_heads = sizes[2], sq = sizes[3], past = sizes[4], total = sizes[5], d = sizes[6], dv = sizes[7];");
        w.Line("const int64_t group = heads / kv_heads;");
        w.Line("#pragma omp parallel for num_threads(threads) if (batch * heads * sq * total * (d + dv) > 65536)");
        w.Open("for (int64_t row = 0; row < batch * heads * sq; row++)");
        w.Line("const int64_t i = row % sq, h = (row / sq) % heads, b = row / (sq * heads), g = h / group;");
        w.Line($"{c} s[total > 0 ? total : 1];");
        w.Line($"const {t}* qi = q + b * qs[0] + h * qs[1] + i * qs[2];");
        w.Line($"{t}* capture = qk != NULL ? qk + row * total : NULL;");
        w.Open("for (int64_t j = 0; j < total; j++)");
        w.Line($"const {t}* kj = j < past ? past_k + ((b * kv_heads + g) * past + j) * d : k + b * ks[0] + g * ks[1] + (j - past) * ks[2];");
        w.Line($"{c} x = 0;");
        w.Open("for (int64_t e = 0; e < d; e++)");
        w.Line($"x += {ElementwiseHelper.Load(Type, "qi[e]")} * {ElementwiseHelper.Load(Type, "kj[e]")};");
        w.Close();
        w.Line($"x *= ({c})scale;");
        w.Line($"if (capture != NULL && qk_mode == 0) capture[j] = {Store("x")};");
        w.Line($"if (softcap > 0) x = ({c})softcap * tanh{f}(x / ({c})softcap);");
        w.Line($"if (capture != NULL && qk_mode == 1) capture[j] = {Store("x")};");
        w.Line($"{c} bias = 0;");
        w.Open("if (mask_kind != 0)");
        w.Line("const int64_t at = b * ms[0] + h * ms[1] + i * ms[2] + j * ms[3];");
        w.Line($"bias = j >= mask_width ? -INFINITY : mask_kind == 1 ? (((const uint8_t*)mask)[at] ? 0 : -INFINITY) : {ElementwiseHelper.Load(Type, $"((const {t}*)mask)[at]")};");
        w.Close();
        w.Line("if ((causal && j > i + past) || (lengths != NULL && j >= lengths[b])) bias = -INFINITY;");
        w.Line("x += bias;");
        w.Line($"if (capture != NULL && qk_mode == 2) capture[j] = {Store("x")};");
        w.Line("s[j] = x;");
        w.Close();
        w.Comment("Softmax as the reference: NaN propagates through the maximum, an infinite maximum counts as 0.");
        w.Line($"{c} max = -INFINITY;");
        w.Open("for (int64_t j = 0; j < total; j++)");
        w.Line("max = max != max || s[j] != s[j] || s[j] > max ? (max != max ? max : s[j]) : max;");
        w.Close();
        w.Line("if (isinf(max)) max = 0;");
        w.Line($"{c} sum = 0;");
        w.Open("for (int64_t j = 0; j < total; j++)");
        w.Line($"s[j] = exp{f}(s[j] - max);");
        w.Line("sum += s[j];");
        w.Close();
        w.Open("for (int64_t j = 0; j < total; j++)");
        w.Line("s[j] /= sum;");
        w.Line($"if (capture != NULL && qk_mode == 3) capture[j] = {Store("s[j]")};");
        w.Close();
        w.Line($"{t}* yi = y + b * ys[0] + h * ys[1] + i * ys[2];");
        w.Line($"{c} acc[dv > 0 ? dv : 1];");
        w.Open("for (int64_t e = 0; e < dv; e++)");
        w.Line("acc[e] = 0;");
        w.Close();
        w.Open("for (int64_t j = 0; j < total; j++)");
        w.Line($"const {t}* vj = j < past ? past_v + ((b * kv_heads + g) * past + j) * dv : v + b * vs[0] + g * vs[1] + (j - past) * vs[2];");
        w.Open("for (int64_t e = 0; e < dv; e++)");
        w.Line($"acc[e] += s[j] * {ElementwiseHelper.Load(Type, "vj[e]")};");
        w.Close();
        w.Close();
        w.Open("for (int64_t e = 0; e < dv; e++)");
        w.Line($"yi[e] = {Store("acc[e]")};");
        w.Close();
        w.Close();
        w.Close();
    }

    private string Store(string value) => ElementwiseHelper.Store(Type, value);
}
