using Aidge.Core.Graphs;

namespace Aidge.Export.Plan;

/// <summary>
/// The work of one node, from static shapes, that sizes its OpenMP team in the generated <c>run</c> (the C helper
/// <c>aidge_threads_for</c>): the multiply-adds of the operators <see cref="MacCounter"/> counts and of the sequence
/// operators (whose cost grows with the sequence, which their tensors' sizes do not show), else the elements the node
/// writes or reads from activations, whichever is larger (a reduction reads much more than it writes). Constant inputs
/// are left out of the reads: a Gather from a large table touches only the rows it picks. One rule for every emitter,
/// so no kernel forks a team for a few hundred elements.
/// </summary>
public static class NodeWork
{
    /// <summary>The work per thread of the generated <c>aidge_threads_for</c> (its AIDGE_GRAIN; a test keeps them equal).</summary>
    public const long Grain = 262144;

    public static long Of(Node node, IReadOnlyList<TensorRef?> inputs, IReadOnlyList<TensorRef?> outputs)
    {
        long written = outputs.OfType<TensorRef>().Sum(t => t.ElementCount);
        long read = inputs.OfType<TensorRef>().Where(t => t.Kind != BufferKind.Weights).Sum(t => t.ElementCount);
        long macs = MacCounter.Of(node) ?? SequenceMacs(node, inputs, outputs);
        return Math.Max(macs, Math.Max(written, read));
    }

    private static long SequenceMacs(Node node, IReadOnlyList<TensorRef?> inputs, IReadOnlyList<TensorRef?> outputs) => node.OpType switch
    {
        // Every (step, batch) row of X multiplies W (input weights) and R (recurrent weights) of every direction and gate.
        "RNN" or "GRU" or "LSTM" when inputs is [{ Rank: > 0 } x, { } w, { } r, ..] => x.ElementCount / Math.Max(1, x.Dims[^1]) * (w.ElementCount + r.ElementCount),
        // Every query row meets every key (past ones too) twice: Q.K for the scores, then the scores times V.
        "Attention" when inputs is [{ } q, { Rank: >= 3 } k, ..] && outputs is [{ } y, ..] =>
            (q.ElementCount + y.ElementCount) * (k.Dims[k.Rank == 4 ? 2 : 1] + (inputs.Count > 4 && inputs[4] is { Rank: 4 } past ? past.Dims[2] : 0)),
        _ => 0,
    };
}
