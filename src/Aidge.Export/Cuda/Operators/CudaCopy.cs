using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators;

/// <summary>A device-to-device copy of a whole tensor on the stream.</summary>
public static class CudaCopy
{
    private static readonly CHelper Helper = new CudaRuntimeHelper("aidge_cu_copy");

    public static KernelCall Call(TensorRef source, TensorRef target) =>
        new(Helper, new[] { source.Read, target.Write, CLiteral.Int(source.Bytes), CudaNode.Stream }.ToEquatableArray());
}
