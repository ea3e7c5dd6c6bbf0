using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Normalization;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Attention;

/// <summary>
/// FlexAttention: the whole score tensor (B, Hq, L, S) is built first because score_mod and prob_mod see it
/// at once; each query head h reads key/value head h / (Hq / Hkv). Half inputs arrive widened, so the element
/// type T is also the softmax precision (float, or double for double inputs).
/// </summary>
[Kernel("FlexAttention", Domain = "ai.onnx.preview")]
public sealed class FlexAttentionKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var q = context.Input(0);
        var k = context.Input(1);
        var v = context.Input(2);
        if (q.Rank != 4 || k.Rank != 4 || v.Rank != 4 || k.Dims[0] != q.Dims[0] || v.Dims[0] != q.Dims[0]
            || k.Dims[3] != q.Dims[3] || v.Dims[1] != k.Dims[1] || v.Dims[2] != k.Dims[2] || k.Dims[1] == 0 || q.Dims[1] % k.Dims[1] != 0)
        {
            throw new ArgumentException($"FlexAttention needs Q (B, Hq, L, E), K (B, Hkv, S, E), V (B, Hkv, S, Ev) with Hq a multiple of Hkv; got {q}, {k}, {v}.");
        }
        int batch = (int)q.Dims[0];
        int queryHeads = (int)q.Dims[1];
        int keyHeads = (int)k.Dims[1];
        int querySequence = (int)q.Dims[2];
        int keySequence = (int)k.Dims[2];
        int headSize = (int)q.Dims[3];
        int valueSize = (int)v.Dims[3];
        T scale = AttentionScores.Scale<T>(context, headSize);
        ReadOnlySpan<T> queries = ValuesAs<T>(q);
        ReadOnlySpan<T> keys = ValuesAs<T>(k);
        ReadOnlySpan<T> values = ValuesAs<T>(v);
        int block = querySequence * keySequence;
        int groupSize = queryHeads / keyHeads;

        long[] scoreDims = [batch, queryHeads, querySequence, keySequence];
        var scores = new T[batch * queryHeads * block];
        for (int head = 0; head < batch * queryHeads; head++)
        {
            int keyHead = head / queryHeads * keyHeads + head % queryHeads / groupSize;
            var headQueries = queries.Slice(head * querySequence * headSize, querySequence * headSize);
            var headKeys = keys.Slice(keyHead * keySequence * headSize, keySequence * headSize);
            AttentionScores.Compute<T>(headQueries, headKeys, querySequence, keySequence, headSize, scale, scores.AsSpan(head * block, block));
        }
        scores = Modify(context, "score_mod", scores, scoreDims);
        for (int row = 0; row < batch * queryHeads * querySequence; row++)
        {
            var span = scores.AsSpan(row * keySequence, keySequence);
            SoftmaxMath.SoftmaxRow<T>(span, span, log: false);
        }
        scores = Modify(context, "prob_mod", scores, scoreDims);

        var y = new T[batch * queryHeads * querySequence * valueSize];
        for (int head = 0; head < batch * queryHeads; head++)
        {
            int valueHead = head / queryHeads * keyHeads + head % queryHeads / groupSize;
            BatchedMatrixProduct.Multiply<T>(
                scores.AsSpan(head * block, block),
                values.Slice(valueHead * keySequence * valueSize, keySequence * valueSize),
                y.AsSpan(head * querySequence * valueSize, querySequence * valueSize),
                1, querySequence, keySequence, valueSize);
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), [batch, queryHeads, querySequence, valueSize], y));
    }

    /// <summary>Runs the named modifier subgraph over the whole tensor, or returns it unchanged when there is none.</summary>
    private static T[] Modify<T>(KernelContext context, string name, T[] tensor, long[] dims)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>, System.Numerics.IMinMaxValue<T>
    {
        if (context.Node.GetGraph(name) is not Graph modifier)
        {
            return tensor;
        }
        var type = typeof(T) == typeof(double) ? DataType.Double : DataType.Float;
        var result = context.RunSubgraph(modifier, [TensorOf<T>(type, dims, tensor)])[0] as Tensor
            ?? throw new ArgumentException($"FlexAttention {name} must return a tensor.");
        if (!result.Dims.AsSpan().SequenceEqual(dims))
        {
            throw new ArgumentException($"FlexAttention {name} must keep the shape [{string.Join(",", dims)}], it returned {result}.");
        }
        return ValuesAs<T>(result).ToArray();
    }
}
