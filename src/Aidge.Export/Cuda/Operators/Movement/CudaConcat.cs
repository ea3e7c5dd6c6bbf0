using Aidge.Core.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Concat of any element type: each input copied, as a strided view, to its offset along the axis of the output.</summary>
[CudaEmitter("Concat")]
public sealed class CudaConcat : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var y = node.Output(0);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), y.Rank);
        var targetStrides = TensorLayout.Strides(y.Dims);
        long offset = 0;
        for (int i = 0; i < node.InputCount; i++)
        {
            var x = node.Input(i);
            if (x.ElementCount > 0)
            {
                yield return CudaViewCopy.Call(node, x, 0, TensorLayout.Strides(x.Dims), y, offset * targetStrides[axis], targetStrides, x.Dims);
            }
            offset += x.Dims[axis];
        }
    }
}
