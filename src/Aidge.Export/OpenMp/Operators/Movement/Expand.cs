using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Expand: the input read with broadcast strides (0 along repeated dims) over the output dims. The output dims were
/// fixed by shape inference, so the shape input itself is never read.
/// </summary>
[OpenMpEmitter("Expand")]
public sealed class Expand : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        var dims = output.Dims.ToArray();
        yield return ViewCopy.Into(input, 0, BroadcastStrides.Of(input.Dims.ToArray(), dims), output, dims);
    }
}
