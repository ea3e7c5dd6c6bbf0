using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.OpenMp.Operators.Movement;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Attention;

/// <summary>
/// Attention (opsets 23 and 24) of float, double or float16 (computed in float): 3-D or 4-D Q/K/V, grouped-query heads, past key/value caches
/// (present_key/present_value are the past followed by the new tokens), bool or additive masks of any broadcastable
/// shape (a shorter last dim is padded with -inf), is_causal, softcap, nonpad_kv_seqlen and qk_matmul_output at any
/// of its four stages. The softmax runs in the compute type (softmax_precision is not honoured beyond that).
/// </summary>
[OpenMpEmitter("Attention", SinceVersion = 23)]
public sealed class Attention : INodeEmitter
{
    /// <summary>A Q/K/V/Y tensor seen as [batch, heads, sequence, size]: its dims there and its (batch, head, position) strides.</summary>
    private sealed record Heads(long Batch, long Count, long Sequence, long Size, long[] Strides)
    {
        public static Heads Of(TensorRef tensor, long heads)
        {
            var dims = tensor.Dims;
            if (tensor.Rank == 4)
            {
                return new(dims[0], dims[1], dims[2], dims[3], [dims[1] * dims[2] * dims[3], dims[2] * dims[3], dims[3]]);
            }
            long size = dims[2] / heads;
            return new(dims[0], heads, dims[1], size, [dims[1] * dims[2], size, dims[2]]);
        }
    }

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var q = node.Input(0);
        node.RequireType(q, ElementTypeSets.WithHalf(ElementTypeSets.Float));
        if (q.Rank is not (3 or 4) || node.Input(1).Rank != q.Rank || node.Input(2).Rank != q.Rank)
        {
            throw node.Unsupported("Q, K and V must all be 3-D or all 4-D");
        }
        bool packed = q.Rank == 3;
        if (packed && (node.Node.FindAttribute("q_num_heads") is null || node.Node.FindAttribute("kv_num_heads") is null))
        {
            throw node.Unsupported("3-D inputs need the q_num_heads and kv_num_heads attributes");
        }
        var query = Heads.Of(q, packed ? node.GetInt("q_num_heads") : 0);
        long kvHeadCount = packed ? node.GetInt("kv_num_heads") : node.Input(1).Dims[1];
        var key = Heads.Of(node.Input(1), kvHeadCount);
        var value = Heads.Of(node.Input(2), kvHeadCount);
        if (kvHeadCount <= 0 || query.Count % kvHeadCount != 0)
        {
            throw node.Unsupported($"{query.Count} query heads are not a multiple of {kvHeadCount} key/value heads");
        }
        var pastKey = node.OptionalInput(4);
        var pastValue = node.OptionalInput(5);
        if ((pastKey is null) != (pastValue is null))
        {
            throw node.Unsupported("past_key and past_value must be given together");
        }
        long past = pastKey?.Dims[2] ?? 0;
        long total = past + key.Sequence;
        var y = node.Output(0);
        long[] yStrides = packed
            ? [query.Sequence * query.Count * value.Size, value.Size, query.Count * value.Size]
            : [query.Count * query.Sequence * value.Size, query.Sequence * value.Size, value.Size];
        var (mask, maskKind, maskStrides, maskWidth) = Mask(node, q.Type, [query.Batch, query.Count, query.Sequence]);
        var lengths = node.OptionalInput(6);
        if (lengths is not null)
        {
            node.RequireType(lengths, DataType.Int64);
        }
        var qk = node.HasOutput(3) ? node.Output(3) : null;
        foreach (var (present, current, pastCache) in new[] { (1, key, pastKey), (2, value, pastValue) })
        {
            if (node.HasOutput(present))
            {
                foreach (var call in Present(node.Output(present), node.Input(present), current, pastCache, past))
                {
                    yield return call;
                }
            }
        }
        double scale = node.Node.FindAttribute("scale")?.AsFloat() ?? 1.0 / Math.Sqrt(query.Size);
        long[] sizes = [query.Batch, query.Count, kvHeadCount, query.Sequence, past, total, query.Size, value.Size];
        yield return new KernelCall(new AttentionHelper(q.Type), new[]
        {
            NodeContext.Threads, q.Read, CLiteral.Int64Array(query.Strides), node.Input(1).Read, CLiteral.Int64Array(key.Strides), pastKey?.Read ?? "NULL",
            node.Input(2).Read, CLiteral.Int64Array(value.Strides), pastValue?.Read ?? "NULL", y.Write, CLiteral.Int64Array(yStrides), CLiteral.Int64Array(sizes),
            CLiteral.Double(scale), CLiteral.Double(node.GetFloat("softcap")), mask?.Read ?? "NULL", maskKind.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CLiteral.Int64Array(maskStrides), CLiteral.Int(maskWidth), node.GetInt("is_causal") != 0 ? "1" : "0", lengths?.Read ?? "NULL",
            qk?.Write ?? "NULL", CLiteral.Int(node.GetInt("qk_matmul_output_mode")),
        }.ToEquatableArray());
    }

    /// <summary>The attention mask: its kind (0 none, 1 bool, 2 additive), its strides broadcast to [batch, heads, query, width], and its width.</summary>
    private static (TensorRef? Mask, int Kind, long[] Strides, long Width) Mask(NodeContext node, DataType type, long[] rows)
    {
        if (node.OptionalInput(3) is not { } mask)
        {
            return (null, 0, [0, 0, 0, 0], 0);
        }
        if (mask.Type != DataType.Bool && mask.Type != type)
        {
            throw node.Unsupported($"attn_mask of type {mask.Type.OnnxName()}: it must be bool or {type.OnnxName()}");
        }
        long width = mask.Rank == 0 ? 1 : mask.Dims[^1];
        return (mask, mask.Type == DataType.Bool ? 1 : 2, BroadcastStrides.Of(mask.Dims.ToArray(), [.. rows, width]), width);
    }

    /// <summary>present = past (if any) followed by the new keys or values, as [batch, kv heads, total, size].</summary>
    private static IEnumerable<KernelCall> Present(TensorRef present, TensorRef current, Heads heads, TensorRef? pastCache, long past)
    {
        long total = past + heads.Sequence;
        long[] target = [heads.Count * total * heads.Size, total * heads.Size, heads.Size, 1];
        if (pastCache is not null && past > 0)
        {
            yield return ViewCopy.Call(pastCache, 0, TensorLayout.Strides(pastCache.Dims), present, 0, target, [heads.Batch, heads.Count, past, heads.Size]);
        }
        yield return ViewCopy.Call(current, 0, [.. heads.Strides, 1], present, past * heads.Size, target, [heads.Batch, heads.Count, heads.Sequence, heads.Size]);
    }
}
