using Aidge.Compiler.Compilation;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Operators;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Tests.Cuda;

/// <summary>
/// The same operator families as <see cref="CudaOperatorPtxTests"/>, their CUDA sources built in aidge_cuda.h's CPU
/// emulation (g++, blocks as OpenMP teams, barriers real) and run on seeded random inputs against the simulator with
/// the compiler's own build-time check: floats within its tolerance, integers (the int8 paths) exactly.
/// </summary>
[TestClass]
public sealed class CudaOperatorEmulationTests
{
    public static IEnumerable<object[]> Families => CudaOperatorPtxTests.Families;

    [TestMethod]
    [DynamicData(nameof(Families))]
    public void FamilyAgreesWithTheSimulator(string family, Func<byte[]> model)
    {
        var cxx = CCompilerLocator.FindCxx(null, out _);
        if (cxx is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the emulated CUDA library cannot be built.");
            return;
        }
        const string file = "model.onnx";
        using var stream = new MemoryStream(model(), writable: false);
        var loaded = ModelReader.Load(stream, fileName: file);
        var known = CompileTimeValues.Evaluate(loaded.Graph, ShapeInference.InferModel(loaded, file), file);
        var plan = CudaPtxCheck.Plan(loaded.Graph, known.Of);
        var folder = Directory.CreateTempSubdirectory($"aidge-cuda-emu-{family}-");
        try
        {
            foreach (var generated in CudaSourceEmitter.Emit(plan, file))
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, generated.RelativePath), generated.Content);
            }
            string library = Path.Combine(folder.FullName, $"lib{plan.Prefix}.so");
            var build = CudaEmulatedBuild.Build(cxx, folder.FullName, [CudaSourceEmitter.SourceFile(plan.Prefix)], library);
            Assert.IsTrue(build.Succeeded, $"{family}: the emulated build failed: {build.Summary(30)}");
            var check = NativeVerification.Run(loaded.Graph, plan.Abi, library, file);
            Assert.AreEqual(Severity.Info, check.Severity, $"{family}: {check.Message}");
            StringAssert.Contains(check.Message, "agrees", $"{family}: {check.Message}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
