using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Convolution;

/// <summary>
/// ConvTranspose in gather form, any number of spatial dims: each output element sums, over the kernel taps whose
/// input position <c>(o + pad - k·dilation) / stride</c> is whole and inside the input, the products of its group's
/// input channels with W[C, M/group, k...]. Output elements are independent, so they run in parallel. Accumulates in
/// double. Generated per element type.
/// </summary>
public sealed record ConvTransposeHelper(DataType Type) : CHelper
{
    public override string Name => $"aidge_conv_transpose_{CTypes.Tag(Type)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* x, const {t}* weights, const {t}* bias, {t}* y, int64_t batch, int64_t channels, int64_t maps, int64_t groups, int rank, const int64_t* in_dims, const int64_t* out_dims, const int64_t* kernel, const int64_t* strides, const int64_t* dilations, const int64_t* pads)");
        w.Line("int64_t in_size = 1, out_size = 1, taps = 1;");
        w.Open("for (int d = 0; d < rank; d++)");
        w.Line("in_size *= in_dims[d];");
        w.Line("out_size *= out_dims[d];");
        w.Line("taps *= kernel[d];");
        w.Close();
        w.Line("const int64_t group_channels = channels / groups;");
        w.Line("const int64_t group_maps = maps / groups;");
        w.Line("const int64_t total = batch * maps * out_size;");
        w.Line("#pragma omp parallel for num_threads(threads) if (total * taps * group_channels > 32768)");
        w.Open("for (int64_t e = 0; e < total; e++)");
        w.Line("const int64_t position = e % out_size;");
        w.Line("const int64_t map = (e / out_size) % maps;");
        w.Line("const int64_t image = e / (out_size * maps);");
        w.Line("const int64_t group = map / group_maps;");
        w.Line("const int64_t m = map % group_maps;");
        w.Line("double sum = bias != NULL ? bias[map] : 0;");
        w.Open("for (int64_t tap = 0; tap < taps; tap++)");
        w.Line("int64_t in_offset = 0, out_rest = position, tap_rest = tap, in_stride = 1;");
        w.Line("int inside = 1;");
        w.Open("for (int d = rank - 1; d >= 0 && inside; d--)");
        w.Line("const int64_t o = out_rest % out_dims[d];");
        w.Line("const int64_t k = tap_rest % kernel[d];");
        w.Line("out_rest /= out_dims[d];");
        w.Line("tap_rest /= kernel[d];");
        w.Line("const int64_t shifted = o + pads[d] - k * dilations[d];");
        w.Line("const int64_t i = shifted / strides[d];");
        w.Line("inside = shifted >= 0 && shifted % strides[d] == 0 && i < in_dims[d];");
        w.Line("in_offset += i * in_stride;");
        w.Line("in_stride *= in_dims[d];");
        w.Close();
        w.Open("if (!inside)");
        w.Line("continue;");
        w.Close();
        w.Open("for (int64_t c = 0; c < group_channels; c++)");
        w.Line("const int64_t channel = group * group_channels + c;");
        w.Line("sum += (double)x[(image * channels + channel) * in_size + in_offset] * weights[(channel * group_maps + m) * taps + tap];");
        w.Close();
        w.Close();
        w.Line($"y[e] = ({t})sum;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
