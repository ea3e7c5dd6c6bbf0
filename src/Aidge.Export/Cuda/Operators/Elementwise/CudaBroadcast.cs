using System.Globalization;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>
/// The <c>aidge_cu_broadcast</c> argument (Cuda/Runtime/aidge_cu_broadcast.cu) for inputs read with NumPy broadcasting
/// over an output: dims that every input walks contiguously are merged first, so only unusual layouts come near
/// the kernel's limit of eight dims.
/// </summary>
public static class CudaBroadcast
{
    public const int MaxRank = 8;

    public static readonly CudaRuntimeHelper Helper = new("aidge_cu_broadcast");

    /// <summary>The struct literal for <paramref name="inputs"/> (up to three, each with the dims it is read at) over <paramref name="output"/>.</summary>
    public static string Literal(NodeContext node, TensorRef output, params long[][] inputs)
    {
        var dims = output.Dims.ToArray();
        var strides = inputs.Select(d => (IReadOnlyList<long>)BroadcastStrides.Of(d, dims)).Append(TensorLayout.Strides(dims)).ToArray();
        var merged = StridedDims.Merge(dims, strides);
        if (merged.Rank > MaxRank)
        {
            throw node.Unsupported($"broadcasting over {merged.Rank} dims that cannot be merged (the CUDA kernels take at most {MaxRank})");
        }
        var rows = Enumerable.Range(0, 3).Select(i => CudaLiteral.List(i < inputs.Length ? merged.Strides[i] : []));
        return $"aidge_cu_broadcast{{{merged.Rank.ToString(CultureInfo.InvariantCulture)}, {CudaLiteral.List(merged.Dims)}, {{{string.Join(", ", rows)}}}}}";
    }
}
