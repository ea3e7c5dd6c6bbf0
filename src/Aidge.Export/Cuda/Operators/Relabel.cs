using Aidge.Core.Graphs;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators;

/// <summary>
/// Identity, Reshape, Flatten, Squeeze, Unsqueeze, Dropout (inference) and BitCast: the input's bytes become the
/// output (<see cref="Kernels.Movement.Relabel"/>). The memory planner usually gives both the same device buffer, and
/// then the copy (<see cref="CudaCopy"/>) has nothing to move; otherwise it is one device-to-device copy.
/// </summary>
[CudaEmitter("Identity")]
[CudaEmitter("Reshape")]
[CudaEmitter("Flatten")]
[CudaEmitter("Squeeze")]
[CudaEmitter("Unsqueeze")]
[CudaEmitter("Dropout")]
[CudaEmitter("BitCast")]
public sealed class Relabel : INodeEmitter, IInPlaceEmitter
{
    public bool MayWriteOver(Node node, int output, int input) => Kernels.Movement.Relabel.MayWriteOver(node, output, input);

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (source, target) = Kernels.Movement.Relabel.Of(node);
        yield return CudaCopy.Call(source, target);
    }
}
