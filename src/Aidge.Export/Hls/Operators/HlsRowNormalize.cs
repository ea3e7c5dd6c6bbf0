using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// LayerNormalization, RMSNormalization and InstanceNormalization (float32 and double) over the rows of the shared
/// <see cref="RowNormalization"/> analysis: per row the mean and the variance in double (two passes; RMSNormalization
/// takes the mean as 0), then each element standardized, scaled and shifted; LayerNormalization's optional mean and
/// inverse standard deviation outputs are stored per row.
/// </summary>
[HlsEmitter("LayerNormalization")]
[HlsEmitter("RMSNormalization")]
[HlsEmitter("InstanceNormalization")]
public sealed class HlsRowNormalize : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var n = node.Node.OpType == "InstanceNormalization"
            ? RowNormalization.Instance(node, ElementTypeSets.Float)
            : RowNormalization.Layer(node, ElementTypeSets.Float);
        string type = HlsTypes.Of(n.Input.Type);
        long cols = n.Cols;
        var parameters = new List<HlsParameter> { HlsLayer.In("in", n.Input), HlsLayer.In("scale", n.Scale) };
        if (n.Bias is { } bias)
        {
            parameters.Add(HlsLayer.In("bias", bias));
        }
        parameters.Add(HlsLayer.Out("y", n.Output));
        var body = new HlsBody()
            .For("r", n.Rows, HlsLoopRole.PerOutput)
            .Line($"const int64_t p = (r % {n.Period}) * {n.RowStep};")
            .Line("double sum = 0, squares = 0;");
        if (n.Center)
        {
            body.For("c", cols, HlsLoopRole.Reduction).Line($"sum += in[r * {cols} + c];").End();
        }
        body.Line($"const double mean = {(n.Center && cols > 0 ? $"sum / {cols}" : "0")};")
            .For("c", cols, HlsLoopRole.Reduction).Line($"const double d = in[r * {cols} + c] - mean;").Line("squares += d * d;").End()
            .Line($"const double inv = 1 / sqrt({(cols > 0 ? $"squares / {cols}" : "0")} + {CLiteral.Double(n.Epsilon)});")
            .For("c", cols, HlsLoopRole.Reduction)
            .Line($"const double s = scale[p + c * {n.ScaleStep}];")
            .Line($"const double b = {(n.Bias is null ? "0" : $"bias[p + c * {n.BiasStep}]")};")
            .Line($"y[r * {cols} + c] = ({type})((in[r * {cols} + c] - mean) * inv * s + b);")
            .End();
        if (n.Means is { } means)
        {
            parameters.Add(HlsLayer.Out("means", means));
            body.Line($"means[r] = ({type})mean;");
        }
        if (n.InvStdDevs is { } invStdDevs)
        {
            parameters.Add(HlsLayer.Out("inv_std_devs", invStdDevs));
            body.Line($"inv_std_devs[r] = ({type})inv;");
        }
        body.Line("(void)sum;").End();
        yield return HlsLayer.Of(node.Node.OpType, body, [.. parameters]);
    }
}
