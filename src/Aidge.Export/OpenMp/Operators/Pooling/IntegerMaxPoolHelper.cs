using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.OpenMp.Operators.Pooling;

/// <summary>
/// MaxPool of uint8 / int8 data (the integer domain of a quantized model: a max commutes with the monotone
/// quantization), one task per (image, channel) plane, up to three spatial dims. Padding never wins; a window wholly
/// in the padding gives the type's minimum, as in the simulator.
/// </summary>
public sealed record IntegerMaxPoolHelper(DataType Type) : TypedHelper("maxpool", Type)
{
    public static readonly DataType[] Types = [DataType.UInt8, DataType.Int8];

    protected override void Write(CSourceWriter w, string t)
    {
        string lowest = Type == DataType.UInt8 ? "0" : "INT8_MIN";
        w.Open($"static void {Name}(int threads, const {t}* x, {t}* y, int64_t planes, const int64_t* in, const int64_t* out, const int64_t* kernel, const int64_t* stride, const int64_t* dilation, const int64_t* pad)");
        w.Line("const int64_t in_size = in[0] * in[1] * in[2];");
        w.Line("const int64_t out_size = out[0] * out[1] * out[2];");
        w.Line("#pragma omp parallel for num_threads(threads) schedule(static) if (planes * out_size * kernel[0] * kernel[1] * kernel[2] > 32768)");
        w.Open("for (int64_t p = 0; p < planes; p++)");
        w.Line($"const {t}* xp = x + p * in_size;");
        w.Open("for (int64_t o = 0; o < out_size; o++)");
        w.Line("const int64_t od = o / (out[1] * out[2]), oh = o / out[2] % out[1], ow = o % out[2];");
        w.Line($"{t} best = {lowest};");
        w.Open("for (int64_t kd = 0; kd < kernel[0]; kd++)");
        w.Line("const int64_t id = od * stride[0] + kd * dilation[0] - pad[0];");
        w.Open("for (int64_t kh = 0; kh < kernel[1] && id >= 0 && id < in[0]; kh++)");
        w.Line("const int64_t ih = oh * stride[1] + kh * dilation[1] - pad[1];");
        w.Open("for (int64_t kw = 0; kw < kernel[2] && ih >= 0 && ih < in[1]; kw++)");
        w.Line("const int64_t iw = ow * stride[2] + kw * dilation[2] - pad[2];");
        w.Open("if (iw >= 0 && iw < in[2] && xp[(id * in[1] + ih) * in[2] + iw] > best)");
        w.Line("best = xp[(id * in[1] + ih) * in[2] + iw];");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        w.Line("y[p * out_size + o] = best;");
        w.Close();
        w.Close();
        w.Close();
    }
}
