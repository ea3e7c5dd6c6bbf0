using Aidge.Core.Graphs;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>Clip: the passes of the shared <see cref="ClipBounds"/> as CUDA kernels (a bound known only at run time is a broadcast scalar), or a copy when no bound is given.</summary>
[CudaEmitter("Clip")]
public sealed class CudaClip : INodeEmitter, IInPlaceEmitter
{
    /// <summary>Each pass computes y[i] from x[i] (or the previous pass's y[i]) and the scalar bounds.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var passes = ClipBounds.Resolve(node, CudaTypes.Held);
        var x = node.Input(0);
        var output = node.Output(0);
        if (passes.Count == 0)
        {
            return [CudaCopy.Call(x, output)];
        }
        var calls = new List<KernelCall>();
        var source = x;
        foreach (var pass in passes)
        {
            calls.Add(pass.Bound is null
                ? CudaElementwiseKernel.Unary(UnaryRows.Operation(pass.Key, x.Type, x.Type, pass.Expression)).Call(source, output, pass.Alpha, pass.Beta)
                : new CudaElementwiseKernel(pass.Key, x.Type, x.Type, x.Type, pass.Expression).Call(node, source, pass.Bound, output));
            source = output;
        }
        return calls;
    }
}
