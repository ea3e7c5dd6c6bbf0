using Aidge.Export.C;

namespace Aidge.Export.OpenMp.Plan;

/// <summary>One call of the generated <c>run</c>: a helper and its C argument expressions.</summary>
public sealed record KernelCall(CHelper Helper, EquatableArray<string> Arguments);

/// <summary>What one node becomes: a description for the comment above it, and its calls in order.</summary>
public sealed record PlannedNode(string Description, EquatableArray<KernelCall> Calls);

/// <summary>
/// Everything the OpenMP emitter writes, decided before any text: static tensors and their buffers, the arena size,
/// the weights blob, and per-node calls. Value-equatable, so two analyses of the same model compare equal.
/// </summary>
public sealed record ExportPlan(
    string Prefix,
    int DefaultThreads,
    EquatableArray<TensorRef> Inputs,
    EquatableArray<TensorRef> Outputs,
    long ArenaBytes,
    EquatableArray<byte> Weights,
    EquatableArray<PlannedNode> Nodes)
{
    /// <summary>Every helper the calls need, dependencies first, each once, in a stable order.</summary>
    public IReadOnlyList<CHelper> Helpers()
    {
        var ordered = new List<CHelper>();
        var seen = new HashSet<CHelper>();
        foreach (var call in Nodes.SelectMany(n => n.Calls))
        {
            Visit(call.Helper);
        }
        return ordered;

        void Visit(CHelper helper)
        {
            if (!seen.Add(helper))
            {
                return;
            }
            foreach (var need in helper.Needs)
            {
                Visit(need);
            }
            ordered.Add(helper);
        }
    }
}
