using Aidge.Core.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Split: each output is a view of the input starting where the previous one ended along the axis. The parts' sizes
/// are the outputs' static dims, whichever of split / num_outputs / equal parts decided them.
/// </summary>
[OpenMpEmitter("Split")]
public sealed class Split : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var inputStrides = TensorLayout.Strides(input.Dims);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), input.Rank);
        long start = 0;
        for (int i = 0; i < node.OutputCount; i++)
        {
            var output = node.Output(i);
            yield return ViewCopy.Into(input, start * inputStrides[axis], inputStrides, output, output.Dims.ToArray());
            start += output.Dims[axis];
        }
    }
}
