using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Expand: the input read with broadcast strides (0 along repeated dims) over the output dims, which shape inference fixed.</summary>
[CudaEmitter("Expand")]
public sealed class CudaExpand : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        yield return CudaViewCopy.Into(node, input, 0, BroadcastStrides.Of(input.Dims.ToArray(), output.Dims.ToArray()), output);
    }
}
