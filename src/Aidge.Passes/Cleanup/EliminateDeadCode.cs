using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Cleanup;

/// <summary>
/// Removes the nodes whose outputs reach no graph output, then the initializers nothing reads (a rewrite each). Graph inputs stay even
/// when unused: they are the model's interface.
/// </summary>
public sealed class EliminateDeadCode : IPass
{
    public string Name => "eliminate-dead-code";

    public string Description => "Removes nodes whose outputs reach no graph output, and initializers nothing reads.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var live = new HashSet<Value>(graph.Outputs);
        var dead = new List<Node>();
        for (int i = graph.Nodes.Count - 1; i >= 0; i--)
        {
            var node = graph.Nodes[i];
            if (!node.Outputs.Any(o => o is not null && live.Contains(o)))
            {
                dead.Add(node);
                continue;
            }
            live.UnionWith(node.Inputs.OfType<Value>());
            // A subgraph reads values of this graph by name, not through the node's inputs.
            foreach (var subgraph in node.Attributes.SelectMany(Graph.SubgraphsOf))
            {
                live.UnionWith(subgraph.OuterScopeReferences().Select(graph.FindLocal).OfType<Value>());
            }
        }
        foreach (var node in dead)
        {
            graph.RemoveNode(node);
        }
        int before = graph.Initializers.Count;
        long bytes = graph.Initializers.Where(v => !live.Contains(v)).ToList().Sum(v => GraphEdits.RemoveInitializerIfUnused(graph, v));
        int initializersRemoved = before - graph.Initializers.Count;
        return new PassResult(dead.Count + initializersRemoved, dead.Count, 0, bytes, []);
    }
}
