using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Passes.Pruning;
using Aidge.Passes.Quantization;

namespace Aidge.Passes.Pipeline;

/// <summary>What every pass may read: the model file (for diagnostics), compile-time data, and the user's settings.</summary>
public sealed class PassContext
{
    public PassContext(string? modelFile = null) => ModelFile = modelFile;

    /// <summary>The model file named in diagnostics.</summary>
    public string? ModelFile { get; }

    /// <summary>Evaluates a node on constant inputs (the simulator's <c>KernelNodeEvaluator</c>, given by the compiler); null = none.</summary>
    public INodeEvaluator? Evaluator { get; init; }

    /// <summary>Pruning asked for by the user (<c>Prune</c>, <c>PruneMode</c>); null = none.</summary>
    public PruningSettings? Pruning { get; init; }

    /// <summary>Quantization asked for by the user, with the calibrated activation ranges; null = none.</summary>
    public QuantizationSettings? Quantization { get; init; }

    /// <summary>Shape inference of the graph as it stands; the pass manager refreshes it after every pass.</summary>
    public ShapeInference Inference { get; set; } = new();

    /// <summary>Warnings a pass wants the user to see (errors are thrown as <see cref="AidgeException"/>).</summary>
    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>The value's data when known at compile time (an initializer or a value shape inference folded).</summary>
    public Tensor? ConstantOf(Value value) => Inference.ConstantOf(value);
}
