using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;

namespace Aidge.Compiler.Verification;

/// <summary>
/// Finds the pass that broke equivalence: runs the same passes again, one at a time, on a fresh import of the model
/// and checks the graph after each. Only run once the whole pipeline was found to disagree, so a passing build pays
/// nothing for it.
/// </summary>
/// <param name="FreshGraph">A new import of the model, as the pipeline first saw it.</param>
/// <param name="Passes">The fp32 passes, in the order the pipeline ran them.</param>
/// <param name="NewContext">A context like the pipeline's.</param>
public sealed record PassBisection(Func<Graph> FreshGraph, IReadOnlyList<IPass> Passes, Func<PassContext> NewContext)
{
    /// <summary>The first pass after which <paramref name="agrees"/> fails, or null when each step agrees on its own.</summary>
    public string? FirstBreakingPass(Func<Graph, bool> agrees)
    {
        var graph = FreshGraph();
        var context = NewContext();
        foreach (var pass in Passes)
        {
            PassManager.Run(graph, [pass], context);
            if (!agrees(graph))
            {
                return pass.Name;
            }
        }
        return null;
    }
}
