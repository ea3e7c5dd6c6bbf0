using Aidge.Core.Graphs;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>Cast and CastLike between the numeric types and bool (<see cref="CastTypes"/>), one grid-stride kernel, or a copy.</summary>
[CudaEmitter("Cast")]
[CudaEmitter("CastLike")]
public sealed class CudaCast : INodeEmitter, IInPlaceEmitter
{
    /// <summary>Thread i converts x[i] into y[i] (the planner only asks when both have the same size).</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var cast = CastTypes.Resolve(node, CastTypes.Plain);
        yield return cast is null ? CudaCopy.Call(node.Input(0), node.Output(0)) : CudaElementwiseKernel.Unary(cast).Call(node.Input(0), node.Output(0));
    }
}
