using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// Fixes every symbolic or unknown dim of the runtime inputs that --dim left unbound to 1, so the exported code has
/// static shapes, with warning AIDGE4001 naming the dim and the input (the user should bind it deliberately).
/// </summary>
public static class UnboundDims
{
    public static IReadOnlyList<Diagnostic> FixToOne(Graph graph, string file)
    {
        var warnings = new List<Diagnostic>();
        foreach (var input in graph.RuntimeInputs)
        {
            if (input.Type is not TensorType { Shape: { IsStatic: false } shape } type)
            {
                continue;
            }
            var dims = new List<Dim>();
            for (int i = 0; i < shape.Rank; i++)
            {
                if (shape[i].IsKnown)
                {
                    dims.Add(shape[i]);
                    continue;
                }
                string name = shape[i].Symbol is { } symbol ? $"'{symbol}'" : $"number {i} (unnamed)";
                string fix = shape[i].Symbol is { } s ? $"pass --dim {s}=VALUE (item metadata Dims=\"{s}=VALUE\")" : "give the input a fixed size in the model";
                warnings.Add(Diagnostic.Warning(DiagnosticCodes.UnboundSymbolicDim, $"Dim {name} of input '{input.Name}' has no value; using 1. To choose, {fix}.", file));
                dims.Add(Dim.Of(1));
            }
            input.Type = type with { Shape = new Shape(dims) };
        }
        return warnings;
    }
}
