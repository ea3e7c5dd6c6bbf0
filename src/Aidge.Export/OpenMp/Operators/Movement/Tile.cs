using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Tile as one view: each axis of size d repeated r times becomes two axes (r, d), the outer one with stride 0, so the
/// output is the input read over [r0, d0, r1, d1, ...]. The repeats follow from the static dims (output / input).
/// </summary>
[OpenMpEmitter("Tile")]
public sealed class Tile : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        var inputDims = input.Dims.ToArray();
        var inputStrides = TensorLayout.Strides(inputDims);
        var dims = new List<long>();
        var strides = new List<long>();
        for (int axis = 0; axis < inputDims.Length; axis++)
        {
            long size = inputDims[axis];
            dims.Add(size == 0 ? 0 : output.Dims[axis] / size);
            strides.Add(0);
            dims.Add(size);
            strides.Add(inputStrides[axis]);
        }
        yield return ViewCopy.Into(input, 0, strides, output, dims);
    }
}
