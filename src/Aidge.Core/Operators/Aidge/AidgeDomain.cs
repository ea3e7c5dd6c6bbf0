using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Aidge;

/// <summary>
/// The operator domain of this project's own operators: the fused and quantized forms that passes produce and
/// backends consume (FusedConv, FusedGemm, QConv, QGemm, ...). They never appear in a model a user gives us.
/// </summary>
public static class AidgeDomain
{
    public const string Name = "ai.aidge";

    public const int Version = 1;

    /// <summary>Makes the graph import this domain, so schema and kernel lookups find its operators.</summary>
    public static void EnsureImported(Graph graph)
    {
        var root = graph;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }
        if (root.OpsetOf(Name) != Version)
        {
            root.SetOpsets(root.Opsets.Where(kv => kv.Key != Name).Append(new(Name, Version)));
        }
    }
}
