using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Kernels.Quantization;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Quantized;

/// <summary>
/// DequantizeLinear from 8-, 16- and 32-bit integers into float32, per tensor or per axis: y = (x − x_zero_point)·x_scale,
/// the difference exact and the product in float32, as the simulator computes it. Float8 and 4-bit inputs and blocked
/// scales are not supported.
/// </summary>
[OpenMpEmitter("DequantizeLinear", SinceVersion = 10)]
public sealed class DequantizeLinear : INodeEmitter
{
    private static readonly DataType[] Inputs = [DataType.UInt8, DataType.Int8, DataType.UInt16, DataType.Int16, DataType.Int32];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var scale = node.Input(1);
        var zeroPoint = node.OptionalInput(2);
        var y = node.Output(0);
        node.RequireType(x, Inputs);
        node.RequireType(scale, ElementTypeSets.Float);
        node.RequireType(y, DataType.Float);
        if (zeroPoint is not null && zeroPoint.Type != x.Type)
        {
            throw node.Unsupported($"x_zero_point is {zeroPoint.Type.OnnxName()} but x is {x.Type.OnnxName()}");
        }
        var axis = QuantizationAxis.Of(node, x, scale);
        yield return new KernelCall(new DequantizeHelper(x.Type, scale.Type), new[]
        {
            NodeContext.Threads, x.Read, scale.Read, zeroPoint?.Read ?? "NULL", y.Write,
        }.Concat(axis.Arguments).ToEquatableArray());
    }
}

/// <summary><c>aidge_dequantize_&lt;x&gt;_&lt;scale&gt;</c>: see <see cref="DequantizeLinear"/>.</summary>
public sealed record DequantizeHelper(DataType Input, DataType Scale) : CHelper
{
    public override string Name => $"aidge_dequantize_{CTypes.Tag(Input)}_{CTypes.Tag(Scale)}";

    public override string Code()
    {
        string x = CTypes.Of(Input)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {x}* x, const {CTypes.Of(Scale)}* scale, const {x}* zero_point, float* y, int64_t outer, int64_t channels, int64_t inner)");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * channels * inner > 32768)");
        w.Open("for (int64_t p = 0; p < outer * channels; p++)");
        w.Line("const float s = (float)scale[p % channels];");
        w.Line("const double zero = zero_point != NULL ? (double)zero_point[p % channels] : 0.0;");
        w.Open("for (int64_t i = 0; i < inner; i++)");
        w.Line("y[p * inner + i] = (float)((double)x[p * inner + i] - zero) * s;");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
