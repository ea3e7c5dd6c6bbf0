using Aidge.Core.Graphs;

namespace Aidge.Passes.Pipeline;

/// <summary>
/// One named graph rewrite with one job. A pass leaves the graph valid: every value it creates is typed or left
/// untyped for the pass manager's shape inference to fill in (a value whose element type a pass changes must have
/// its <see cref="Value.Type"/> reset to null), nodes stay in topological order, graph inputs and outputs keep their
/// names. The pass manager re-runs shape inference and the graph checker after it.
/// </summary>
public interface IPass
{
    /// <summary>The stable kebab-case name printed by <c>aidgec passes</c> and named in diagnostics (e.g. <c>fold-constants</c>).</summary>
    string Name { get; }

    /// <summary>One line that says what the pass does, for <c>aidgec passes</c>.</summary>
    string Description { get; }

    PassResult Run(Graph graph, PassContext context);
}
