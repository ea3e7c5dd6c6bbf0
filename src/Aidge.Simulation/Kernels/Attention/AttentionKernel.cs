using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Normalization;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Attention;

/// <summary>
/// Attention (opsets 23, 24), per (batch, query head): scores = scale·Q·Kᵀ, softcap, + mask bias (attn_mask,
/// causal, padding), softmax, ·V. K and V are the past cache followed by the new tokens; with grouped-query
/// attention each key/value head serves q_num_heads / kv_num_heads consecutive query heads.
/// </summary>
[Kernel("Attention", SinceVersion = 23)]
public sealed class AttentionKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var q = context.Input(0);
        bool packed = q.Rank == 3;
        int qHeads = packed ? HeadsAttribute(context, "q_num_heads") : (int)q.Dims[1];
        int kvHeads = packed ? HeadsAttribute(context, "kv_num_heads") : (int)context.Input(1).Dims[1];
        if (kvHeads == 0 || qHeads % kvHeads != 0)
        {
            throw new ArgumentException($"q_num_heads {qHeads} is not a multiple of kv_num_heads {kvHeads}.");
        }
        var query = Heads<T>(q, qHeads);
        var key = WithPast(Heads<T>(context.Input(1), kvHeads), context.OptionalInput(4));
        var value = WithPast(Heads<T>(context.Input(2), kvHeads), context.OptionalInput(5));
        int batch = (int)query.Dims[0];
        int querySequence = (int)query.Dims[2];
        int headSize = (int)query.Dims[3];
        int total = (int)key.Dims[2];
        int valueSize = (int)value.Dims[3];
        T scale = AttentionScores.Scale<T>(context, headSize);
        T softcap = T.CreateTruncating(context.GetFloat("softcap"));
        long mode = context.GetInt("qk_matmul_output_mode");
        var bias = MaskBias<T>(context, batch, qHeads, querySequence, total);
        var y = new T[batch * qHeads * querySequence * valueSize];
        var captured = context.HasOutput(3) ? new T[batch * qHeads * querySequence * total] : null;
        var scores = new T[querySequence * total];
        for (int b = 0; b < batch; b++)
        {
            for (int h = 0; h < qHeads; h++)
            {
                int kvHead = h / (qHeads / kvHeads);
                var queries = query.Data.AsSpan(((b * qHeads + h) * querySequence) * headSize, querySequence * headSize);
                var keys = key.Data.AsSpan(((b * kvHeads + kvHead) * total) * headSize, total * headSize);
                var values = value.Data.AsSpan(((b * kvHeads + kvHead) * total) * valueSize, total * valueSize);
                var capture = captured is null ? Span<T>.Empty : captured.AsSpan((b * qHeads + h) * querySequence * total, querySequence * total);
                AttentionScores.Compute<T>(queries, keys, querySequence, total, headSize, scale, scores);
                Capture(scores, capture, mode == 0);
                if (softcap > T.Zero)
                {
                    TensorPrimitives.Divide(scores, softcap, scores);
                    TensorPrimitives.Tanh(scores, scores);
                    TensorPrimitives.Multiply(scores, softcap, scores);
                }
                Capture(scores, capture, mode == 1);
                TensorPrimitives.Add(scores, bias.AsSpan((b * qHeads + h) * querySequence * total, querySequence * total), scores);
                Capture(scores, capture, mode == 2);
                for (int i = 0; i < querySequence; i++)
                {
                    var row = scores.AsSpan(i * total, total);
                    SoftmaxMath.SoftmaxRow<T>(row, row, log: false);
                }
                Capture(scores, capture, mode == 3);
                var output = y.AsSpan((b * qHeads + h) * querySequence * valueSize, querySequence * valueSize);
                BatchedMatrixProduct.Multiply<T>(scores, values, output, 1, querySequence, total, valueSize);
            }
        }
        var yDims = new long[] { batch, qHeads, querySequence, valueSize };
        var result = packed ? Merge(y, yDims) : y;
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), packed ? [batch, querySequence, qHeads * valueSize] : yDims, result));
        if (context.HasOutput(1))
        {
            context.SetOutput(1, TensorOf<T>(context.OutputType(1), key.Dims, key.Data));
        }
        if (context.HasOutput(2))
        {
            context.SetOutput(2, TensorOf<T>(context.OutputType(2), value.Dims, value.Data));
        }
        if (captured is not null)
        {
            context.SetOutput(3, TensorOf<T>(context.OutputType(3), [batch, qHeads, querySequence, total], captured));
        }
    }

    private sealed record HeadTensor<T>(T[] Data, long[] Dims);

    private static int HeadsAttribute(KernelContext context, string name) =>
        checked((int)(context.Node.FindAttribute(name)?.AsInt() ?? throw new ArgumentException($"3-D inputs need attribute '{name}'.")));

    private static void Capture<T>(ReadOnlySpan<T> scores, Span<T> destination, bool now)
    {
        if (now && !destination.IsEmpty)
        {
            scores.CopyTo(destination);
        }
    }

    /// <summary>The input as [batch, heads, sequence, head size]; a 3-D [batch, sequence, heads * size] input is split and transposed.</summary>
    private static HeadTensor<T> Heads<T>(Tensor x, int heads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = ValuesAs<T>(x);
        if (x.Rank == 4)
        {
            return new HeadTensor<T>(values.ToArray(), x.Dims);
        }
        long batch = x.Dims[0], sequence = x.Dims[1], size = x.Dims[2] / heads;
        long[] dims = [batch, heads, sequence, size];
        return new HeadTensor<T>(StridedGather.Gather(values, dims, [sequence * heads * size, size, heads * size, 1]), dims);
    }

    /// <summary>[batch, heads, sequence, size] back to [batch, sequence, heads * size].</summary>
    private static T[] Merge<T>(T[] y, long[] dims)
    {
        long heads = dims[1], sequence = dims[2], size = dims[3];
        return StridedGather.Gather<T>(y, [dims[0], sequence, heads, size], [heads * sequence * size, size, sequence * size, 1]);
    }

    /// <summary>The past cache followed by the new tokens along the sequence axis.</summary>
    private static HeadTensor<T> WithPast<T>(HeadTensor<T> current, Tensor? past)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (past is null)
        {
            return current;
        }
        var pastValues = ValuesAs<T>(past);
        int planes = (int)(current.Dims[0] * current.Dims[1]);
        int size = (int)current.Dims[3];
        int pastLength = (int)past.Dims[2] * size;
        int currentLength = (int)current.Dims[2] * size;
        var data = new T[planes * (pastLength + currentLength)];
        for (int p = 0; p < planes; p++)
        {
            pastValues.Slice(p * pastLength, pastLength).CopyTo(data.AsSpan(p * (pastLength + currentLength)));
            current.Data.AsSpan(p * currentLength, currentLength).CopyTo(data.AsSpan(p * (pastLength + currentLength) + pastLength));
        }
        return new HeadTensor<T>(data, [current.Dims[0], current.Dims[1], past.Dims[2] + current.Dims[2], size]);
    }

    /// <summary>
    /// The additive bias [batch, q heads, q sequence, total]: the attention mask (boolean false → -inf; a
    /// shorter last dim padded with -inf), the causal mask, and the padding given by nonpad_kv_seqlen.
    /// </summary>
    private static T[] MaskBias<T>(KernelContext context, int batch, int heads, int querySequence, int total)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var bias = new T[batch * heads * querySequence * total];
        if (context.OptionalInput(3) is { } mask)
        {
            long width = mask.Dims.Length == 0 ? 1 : mask.Dims[^1];
            var expanded = Broadcasting.Expand(MaskValues<T>(mask), mask.Dims, [batch, heads, querySequence, width]);
            for (int row = 0; row < batch * heads * querySequence; row++)
            {
                for (int j = 0; j < total; j++)
                {
                    bias[row * total + j] = j < width ? expanded[row * width + j] : T.NegativeInfinity;
                }
            }
        }
        bool causal = context.GetInt("is_causal") != 0;
        // Query i sits at position past + i of the total sequence, so it sees keys up to there.
        int past = context.OptionalInput(4) is { } pastKey ? (int)pastKey.Dims[2] : 0;
        var lengths = context.OptionalInput(6)?.ToInt64Array();
        for (int b = 0; b < batch; b++)
        {
            for (int row = b * heads * querySequence; row < (b + 1) * heads * querySequence; row++)
            {
                int i = row % querySequence;
                for (int j = 0; j < total; j++)
                {
                    if ((causal && j > i + past) || (lengths is not null && j >= lengths[b]))
                    {
                        bias[row * total + j] = T.NegativeInfinity;
                    }
                }
            }
        }
        return bias;
    }

    private static T[] MaskValues<T>(Tensor mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (mask.Type != DataType.Bool)
        {
            return ValuesAs<T>(mask).ToArray();
        }
        var flags = mask.Span<byte>();
        var values = new T[flags.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = flags[i] != 0 ? T.Zero : T.NegativeInfinity;
        }
        return values;
    }
}
