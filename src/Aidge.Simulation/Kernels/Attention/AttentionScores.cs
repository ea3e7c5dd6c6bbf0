using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Attention;

/// <summary>The score matrix that Attention and FlexAttention share: scores[i, j] = scale · q_i · k_j for one head.</summary>
internal static class AttentionScores
{
    /// <summary>The node's scale attribute, or 1/√(head size) when it sets none.</summary>
    public static T Scale<T>(KernelContext context, int headSize)
        where T : IFloatingPointIeee754<T> =>
        T.CreateTruncating(context.Node.FindAttribute("scale")?.AsFloat() ?? 1.0 / Math.Sqrt(headSize));

    /// <summary>Fills scores (queryCount × keyCount, row-major) from rows of headSize queries and keys.</summary>
    public static void Compute<T>(ReadOnlySpan<T> queries, ReadOnlySpan<T> keys, int queryCount, int keyCount, int headSize, T scale, Span<T> scores)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < queryCount; i++)
        {
            var query = queries.Slice(i * headSize, headSize);
            for (int j = 0; j < keyCount; j++)
            {
                scores[i * keyCount + j] = TensorPrimitives.Dot(query, keys.Slice(j * headSize, headSize)) * scale;
            }
        }
    }
}
