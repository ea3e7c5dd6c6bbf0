using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Onnx;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// The model as every later step first sees it: read, symbolic input dims bound by <c>--dim</c> (unbound ones fixed
/// to 1), types and shapes inferred, checked. Also how the pass check gets a fresh copy to re-run passes on.
/// </summary>
public static class ModelImport
{
    public static (Model Model, ShapeInference Inference) Load(CompileOptions options, string file, List<Diagnostic> diagnostics)
    {
        var model = ModelReader.Load(file, ModelReaderOptions.Default with { InferShapes = false });
        foreach (string unused in options.Dims.ApplyTo(model.Graph))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnboundSymbolicDim, $"--dim {unused} matches no symbolic input dimension.", file));
        }
        diagnostics.AddRange(UnboundDims.FixToOne(model.Graph, file));
        var inference = ShapeInference.InferModel(model, file);
        GraphChecker.Check(model.Graph, file);
        return (model, inference);
    }
}
