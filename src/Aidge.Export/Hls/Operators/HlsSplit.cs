using Aidge.Core.Operators;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Split (any element type): each output is a view of the input starting where the previous one ended along the axis;
/// the parts' sizes are the output dims that shape inference fixed. One loop nest per output.
/// </summary>
[HlsEmitter("Split")]
public sealed class HlsSplit : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), x.Rank);
        long[] strides = TensorLayout.Strides(x.Dims);
        var body = new HlsBody();
        var parameters = new List<HlsParameter> { HlsLayer.In("x", x) };
        long offset = 0;
        for (int k = 0; k < node.OutputCount; k++)
        {
            if (!node.HasOutput(k))
            {
                continue;
            }
            var y = node.Output(k);
            parameters.Add(HlsLayer.Out($"y{k}", y));
            if (y.ElementCount > 0)
            {
                HlsView.Gather(body, y.Dims.ToArray(), "x", offset * strides[axis], strides, $"y{k}");
            }
            offset += y.Dims[axis];
        }
        yield return HlsLayer.Of("split", body, [.. parameters]);
    }
}
