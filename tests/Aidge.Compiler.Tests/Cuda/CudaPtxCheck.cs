using System.Text;
using System.Text.RegularExpressions;
using Aidge.Compiler.Compilation;
using Aidge.Export.Cuda;
using Aidge.Export.Kernels;
using Aidge.Export.Plan;
using Aidge.Export.Toolchain;
using Aidge.Core.Operators;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Tests.Cuda;

/// <summary>
/// Plans a model for the CUDA target and compiles its device code to PTX with clang-14 and no CUDA install (the
/// recipe of CI's PTX check, with the repo's aidge_cuda.h): every helper the plan needs, then one host function that
/// makes every call of the plan, so clang emits every kernel. Independent of the CUDA source emitter, so each
/// operator's kernels are checked on their own.
/// </summary>
public static partial class CudaPtxCheck
{
    public const string Clang = "clang-14";

    /// <summary>Why the check cannot run here, or null when clang-14 is on the PATH.</summary>
    public static string? Unavailable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        bool found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, Clang)));
        return found ? null : $"{Clang} is not on the PATH: the CUDA device code cannot be compiled to PTX here.";
    }

    /// <summary>The CUDA plan of the model, or the planner's diagnostics as the failure message.</summary>
    public static ExportPlan Plan(byte[] model)
    {
        const string file = "model.onnx";
        using var stream = new MemoryStream(model, writable: false);
        var loaded = ModelReader.Load(stream, fileName: file);
        var known = CompileTimeValues.Evaluate(loaded.Graph, ShapeInference.InferModel(loaded, file), file);
        var memory = KernelMemory.Plan(loaded.Graph, known.Of, CudaEmitters.Target);
        var planned = KernelPlanner.Plan(loaded.Graph, known.Of, memory, "model", CudaEmitters.Target, file);
        Assert.IsNotNull(planned.Plan, string.Join(Environment.NewLine, planned.Diagnostics.Select(d => $"{d.Code} {d.Node}: {d.Message}")));
        return planned.Plan;
    }

    /// <summary>The translation unit: the header, every helper, and a function that runs every call in order.</summary>
    public static string Source(ExportPlan plan)
    {
        var text = new StringBuilder();
        text.AppendLine("#include \"aidge_cuda.h\"");
        foreach (var helper in plan.Helpers())
        {
            text.AppendLine(helper.Code());
        }
        text.AppendLine("extern \"C\" void aidge_ptx_check(void* const* inputs, void* const* outputs, unsigned char* arena, const unsigned char* weights, cudaStream_t stream)");
        text.AppendLine("{");
        text.AppendLine("    (void)inputs; (void)outputs; (void)arena; (void)weights;");
        foreach (var call in plan.Nodes.SelectMany(n => n.Calls))
        {
            text.AppendLine($"    {call.Helper.Name}({string.Join(", ", call.Arguments)});");
        }
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>Compiles the plan's device code to PTX; fails with clang's messages; returns the PTX.</summary>
    public static string CompileToPtx(ExportPlan plan, string name)
    {
        var folder = Directory.CreateTempSubdirectory($"aidge-ptx-{name}-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "aidge_cuda.h"), RuntimeSources.Read("Aidge.Export.Cuda.Include.aidge_cuda.h"));
            File.WriteAllText(Path.Combine(folder.FullName, "model.cu"), Source(plan));
            var run = CompilerRun.Run(Clang,
                ["-x", "cuda", "--cuda-device-only", "-nocudainc", "-nocudalib", "--cuda-gpu-arch=sm_70", "-O2", "-Werror=implicit-function-declaration", "-S", "model.cu", "-o", "model.ptx"],
                folder.FullName, TimeSpan.FromMinutes(2));
            Assert.IsTrue(run.Succeeded, $"{name}: clang-14 failed on the CUDA source:{Environment.NewLine}{run.Messages}{Environment.NewLine}{File.ReadAllText(Path.Combine(folder.FullName, "model.cu"))}");
            return File.ReadAllText(Path.Combine(folder.FullName, "model.ptx"));
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("AIDGE_PTX_KEEP") is null) folder.Delete(recursive: true);
        }
    }

    /// <summary>The names of the kernels (<c>.entry</c> functions) of a PTX file, demangled enough to search.</summary>
    public static IReadOnlyList<string> Entries(string ptx) => EntryPattern().Matches(ptx).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\.entry\s+([A-Za-z0-9_$]+)")]
    private static partial Regex EntryPattern();
}
