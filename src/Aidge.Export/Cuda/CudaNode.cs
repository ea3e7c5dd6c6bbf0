namespace Aidge.Export.Cuda;

/// <summary>
/// Names the generated CUDA <c>run</c> gives its launchers. Inside it, <c>inputs</c>, <c>outputs</c>, <c>arena</c> and
/// <c>weights</c> are device pointers (the staged copies of the caller's buffers, the device arena, the weights
/// uploaded in <c>create</c>), so <see cref="Plan.TensorRef.Read"/> and <see cref="Plan.TensorRef.Write"/> are device
/// addresses, as on the OpenMP target they are host ones.
/// </summary>
public static class CudaNode
{
    /// <summary>The <c>cudaStream_t</c> every launcher enqueues on.</summary>
    public const string Stream = "stream";
}
