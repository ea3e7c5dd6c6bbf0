using Aidge.Compiler.Compilation;
using Aidge.Export.Cuda;
using Aidge.Export.Kernels;
using Aidge.Export.Plan;
using Aidge.Export.Toolchain;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Tests.Cuda;

/// <summary>
/// Plans a model for the CUDA target, writes its sources (<see cref="CudaSourceEmitter"/>) and compiles their device
/// code to PTX with clang and no CUDA install (<see cref="PtxCompiler"/>, the recipe of CI's PTX check, with the
/// repo's aidge_cuda.h).
/// </summary>
public static class CudaPtxCheck
{
    /// <summary>Why the check cannot run here, or null when a clang is on the PATH.</summary>
    public static string? Unavailable() => PtxCompiler.Find() is null ? PtxCompiler.MissingMessage : null;

    /// <summary>The CUDA plan of the model, or the planner's diagnostics as the failure message.</summary>
    public static ExportPlan Plan(byte[] model)
    {
        const string file = "model.onnx";
        using var stream = new MemoryStream(model, writable: false);
        var loaded = ModelReader.Load(stream, fileName: file);
        var known = CompileTimeValues.Evaluate(loaded.Graph, ShapeInference.InferModel(loaded, file), file);
        return Plan(loaded.Graph, known.Of);
    }

    /// <summary>The CUDA plan of an imported graph, or the planner's diagnostics as the failure message.</summary>
    public static ExportPlan Plan(Graph graph, Func<Value, Tensor?> known)
    {
        const string file = "model.onnx";
        var memory = KernelMemory.Plan(graph, known, CudaEmitters.Target);
        var planned = KernelPlanner.Plan(graph, known, memory, "model", CudaEmitters.Target, file);
        Assert.IsNotNull(planned.Plan, string.Join(Environment.NewLine, planned.Diagnostics.Select(d => $"{d.Code} {d.Node}: {d.Message}")));
        return planned.Plan;
    }

    /// <summary>Compiles the plan's device code to PTX; fails with clang's messages; returns the PTX.</summary>
    public static string CompileToPtx(ExportPlan plan, string name)
    {
        var folder = Directory.CreateTempSubdirectory($"aidge-ptx-{name}-");
        try
        {
            foreach (var file in CudaSourceEmitter.Emit(plan, "model.onnx"))
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, file.RelativePath), file.Content);
            }
            string source = CudaSourceEmitter.SourceFile(plan.Prefix);
            var run = PtxCompiler.Compile(PtxCompiler.Find()!, folder.FullName, source, "model.ptx", CudaSourceEmitter.DefaultArch);
            Assert.IsTrue(run.Succeeded, $"{name}: clang failed on the CUDA source:{Environment.NewLine}{run.Messages}{Environment.NewLine}{File.ReadAllText(Path.Combine(folder.FullName, source))}");
            return File.ReadAllText(Path.Combine(folder.FullName, "model.ptx"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
