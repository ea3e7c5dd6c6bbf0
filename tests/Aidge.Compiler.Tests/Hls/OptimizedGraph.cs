using Aidge.Compiler.Compilation;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>A model after the compiler's default passes (O2), as a design is built from it, with its compile-time values: what a fixed-point design's reference runs.</summary>
public static class OptimizedGraph
{
    public static (Graph Graph, Func<Value, Tensor?> Known) Load(string file)
    {
        var model = Aidge.Onnx.ModelReader.Load(file);
        var context = new PassContext(file) { Evaluator = new KernelNodeEvaluator(file) };
        PassManager.Run(model.Graph, PipelineBuilder.Build("O2", context), context);
        var known = CompileTimeValues.Evaluate(model.Graph, ShapeInference.InferModel(model, file), file);
        return (model.Graph, known.Of);
    }
}
