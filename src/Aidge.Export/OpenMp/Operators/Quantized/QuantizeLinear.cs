using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Kernels.Quantization;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Quantized;

/// <summary>
/// QuantizeLinear into 8- and 16-bit integers, per tensor or per axis: y = saturate(round(x / y_scale) + y_zero_point),
/// ties to even, the division in float32 (in double when the precision attribute asks for it), NaN to 0, exactly as
/// the simulator computes it. Float8 and 4-bit outputs and blocked scales are not supported.
/// </summary>
[OpenMpEmitter("QuantizeLinear", SinceVersion = 10)]
public sealed class QuantizeLinear : INodeEmitter
{
    private static readonly DataType[] Outputs = [DataType.UInt8, DataType.Int8, DataType.UInt16, DataType.Int16];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var scale = node.Input(1);
        var zeroPoint = node.OptionalInput(2);
        var y = node.Output(0);
        node.RequireType(x, ElementTypeSets.Float);
        node.RequireType(scale, ElementTypeSets.Float);
        node.RequireType(y, Outputs);
        if (zeroPoint is not null && zeroPoint.Type != y.Type)
        {
            throw node.Unsupported($"y_zero_point is {zeroPoint.Type.OnnxName()} but y is {y.Type.OnnxName()}");
        }
        var axis = QuantizationAxis.Of(node, x, scale);
        bool inDouble = node.GetInt("precision") == (long)DataType.Double;
        yield return new KernelCall(new QuantizeHelper(x.Type, scale.Type, y.Type), new[]
        {
            NodeContext.Threads, x.Read, scale.Read, zeroPoint?.Read ?? "NULL", y.Write,
        }.Concat(axis.Arguments).Append(inDouble ? "1" : "0").ToEquatableArray());
    }
}

/// <summary><c>aidge_quantize_&lt;x&gt;_&lt;scale&gt;_&lt;y&gt;</c>: see <see cref="QuantizeLinear"/>.</summary>
public sealed record QuantizeHelper(DataType Input, DataType Scale, DataType Output) : CHelper
{
    public override string Name => $"aidge_quantize_{CTypes.Tag(Input)}_{CTypes.Tag(Scale)}_{CTypes.Tag(Output)}";

    public override string Code()
    {
        string y = CTypes.Of(Output)!;
        var (min, max) = Output switch
        {
            DataType.UInt8 => (byte.MinValue, byte.MaxValue),
            DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            DataType.UInt16 => (ushort.MinValue, ushort.MaxValue),
            _ => ((long)short.MinValue, (long)short.MaxValue),
        };
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {CTypes.Of(Input)}* x, const {CTypes.Of(Scale)}* scale, const {y}* zero_point, {y}* y, int64_t outer, int64_t channels, int64_t inner, int in_double)");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * channels * inner > 32768)");
        w.Open("for (int64_t p = 0; p < outer * channels; p++)");
        w.Line("const double s = scale[p % channels];");
        w.Line("const double zero = zero_point != NULL ? (double)zero_point[p % channels] : 0.0;");
        w.Open("for (int64_t i = 0; i < inner; i++)");
        w.Line("const double v = x[p * inner + i];");
        w.Comment("The quotient as the simulator takes it: in float32 unless the precision attribute asks for double.");
        w.Line("const double r = nearbyint(in_double ? v / s : (double)((float)v / (float)s)) + zero;");
        w.Line($"y[p * inner + i] = r != r ? 0 : r <= {min} ? {min} : r >= {max} ? {max} : ({y})r;");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
