using Aidge.Core.Tensors;

namespace Aidge.Export.Cuda;

/// <summary>The element types CUDA kernels compute on: the C types of the shared tables, without the half types (held as raw 16-bit patterns, which the CUDA kernels do not decode).</summary>
public static class CudaTypes
{
    public static DataType[] Held(DataType[] types) => types.Where(t => t is not (DataType.Float16 or DataType.BFloat16)).ToArray();
}
