using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// The Reduce* family from the shared table <see cref="ReduceRows"/> (initial value, step, final expression): one loop
/// per kept dim (the last per output), then one reduction loop per reduced dim, the axes read by the shared
/// <see cref="ReduceRows.ConstantAxes"/>. The axes must be known when compiling: a design has fixed loop bounds.
/// </summary>
[HlsEmitter("ReduceSum")]
[HlsEmitter("ReduceMean")]
[HlsEmitter("ReduceMax")]
[HlsEmitter("ReduceMin")]
[HlsEmitter("ReduceProd")]
[HlsEmitter("ReduceL1")]
[HlsEmitter("ReduceL2")]
[HlsEmitter("ReduceLogSum")]
[HlsEmitter("ReduceLogSumExp")]
[HlsEmitter("ReduceSumSquare")]
public sealed class HlsReduce : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = ReduceRows.Resolve(node, HlsTypes.Held);
        var x = node.Input(0);
        var y = node.Output(0);
        if (ReduceRows.RunTimeAxes(node))
        {
            throw node.Unsupported("axes known only at run time (an HLS design has fixed loop bounds); make them a constant");
        }
        if (ReduceRows.ConstantAxes(node) is not { } axes)
        {
            yield return HlsCopy.Call(x, y);
            yield break;
        }
        string type = HlsTypes.Of(x.Type);
        long[] outputStrides = TensorLayout.Strides(axes.KeptDims);
        var body = new HlsBody();
        var output = new List<string>();
        var input = new List<string>();
        for (int d = 0; d < axes.KeptDims.Length; d++)
        {
            body.For($"k{d}", axes.KeptDims[d], d == axes.KeptDims.Length - 1 ? HlsLoopRole.PerOutput : HlsLoopRole.Outer);
            output.Add($"k{d} * {outputStrides[d]}");
            input.Add($"k{d} * {axes.KeptStrides[d]}");
        }
        if (axes.KeptDims.Length == 0)
        {
            body.For("k", 1, HlsLoopRole.PerOutput);
        }
        body.Line($"{operation.Accumulator} acc = {operation.Initial};");
        body.Line($"const int64_t count = {CLiteral.Int(axes.Count)};");
        for (int d = 0; d < axes.Dims.Length; d++)
        {
            body.For($"r{d}", axes.Dims[d], HlsLoopRole.Reduction);
            input.Add($"r{d} * {axes.Strides[d]}");
        }
        body.Line($"const {type} x = in[{Sum(input)}];").Line($"{operation.Step};");
        HlsLoops.Close(body, axes.Dims.Length);
        body.Line("(void)count;").Line($"y[{Sum(output)}] = ({type})({operation.Final});");
        HlsLoops.Close(body, Math.Max(1, axes.KeptDims.Length));
        yield return HlsLayer.Of($"reduce_{operation.Op}", body, HlsLayer.In("in", x), HlsLayer.Out("y", y));
    }

    private static string Sum(List<string> terms) => terms.Count == 0 ? "0" : string.Join(" + ", terms);
}
