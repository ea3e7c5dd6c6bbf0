using Aidge.Export.C;

namespace Aidge.Export.Plan;

/// <summary>One call of the generated <c>run</c>: a helper and its C argument expressions.</summary>
public sealed record KernelCall(CHelper Helper, EquatableArray<string> Arguments)
{
    /// <summary>Constant tables the arguments name (e.g. per-channel requantization parameters computed when compiling), written with the helpers.</summary>
    public EquatableArray<CHelper> Tables { get; init; } = EquatableArray<CHelper>.Empty;
}

/// <summary>
/// What one node becomes: a description for the comment above it, its calls in order, and its work (see
/// <see cref="NodeWork"/>) from which <c>run</c> sizes the OpenMP team of the calls that take a thread count.
/// </summary>
public sealed record PlannedNode(string Description, EquatableArray<KernelCall> Calls, long Work)
{
    /// <summary>Whether a call takes the thread-count variable (kernels with an OpenMP parallel region do).</summary>
    public bool UsesThreads => Calls.Any(c => c.Arguments.Contains(NodeContext.Threads));
}

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
    /// <summary>The library's C ABI: prefix, inputs and outputs.</summary>
    public LibraryAbi Abi => new(Prefix, Inputs, Outputs);

    /// <summary>The C helper that sizes each node's OpenMP team from its work.</summary>
    public static readonly CHelper ThreadsFor = new RuntimeHelper("aidge_threads_for");

    /// <summary>Every helper the calls need, dependencies first, each once, in a stable order.</summary>
    public IReadOnlyList<CHelper> Helpers()
    {
        var ordered = new List<CHelper>();
        var seen = new HashSet<CHelper>();
        if (Nodes.Any(n => n.UsesThreads))
        {
            Visit(ThreadsFor);
        }
        foreach (var call in Nodes.SelectMany(n => n.Calls))
        {
            foreach (var table in call.Tables)
            {
                Visit(table);
            }
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
