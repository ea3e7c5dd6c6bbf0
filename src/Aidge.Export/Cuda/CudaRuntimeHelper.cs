using Aidge.Export.Plan;

namespace Aidge.Export.Cuda;

/// <summary>
/// A hand-written helper of the CUDA target, kept as Cuda/Runtime/&lt;function&gt;.cu: a host launcher (called from
/// the generated <c>run</c> with the stream) and the <c>__global__</c> kernels it launches, all <c>static</c>.
/// </summary>
public sealed record CudaRuntimeHelper(string Function) : EmbeddedHelper(Function)
{
    protected override string ResourceName => $"Aidge.Export.Cuda.Runtime.{Function}.cu";

    protected override EmbeddedHelper Named(string function) => new CudaRuntimeHelper(function);
}
