using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Aidge.Generators.Tests;

/// <summary>
/// Compiles a generated class into an in-memory assembly and calls it: against a tiny C library implementing the ABI
/// (built with gcc when there is one), and against a library that was never built.
/// </summary>
[TestClass]
public sealed class RuntimeTests
{
    // y = a + b over four floats, with the full ABI (version 1) so that the generated class's load-time checks run.
    private const string AddModelC = """
        #include <stdint.h>
        #include <stdlib.h>
        typedef struct gentest_add_context { int threads; } gentest_add_context;
        int gentest_add_abi_version(void) { return 1; }
        int gentest_add_input_count(void) { return 2; }
        int gentest_add_output_count(void) { return 1; }
        int64_t gentest_add_input_size(int index) { return index >= 0 && index < 2 ? 4 : -1; }
        int64_t gentest_add_output_size(int index) { return index == 0 ? 4 : -1; }
        gentest_add_context* gentest_add_create(void) { return calloc(1, sizeof(gentest_add_context)); }
        void gentest_add_set_threads(gentest_add_context* ctx, int threads) { if (ctx) ctx->threads = threads; }
        int gentest_add_run(gentest_add_context* ctx, const void* const* inputs, void* const* outputs) {
            if (!ctx || !inputs || !outputs) return 1;
            const float* a = inputs[0]; const float* b = inputs[1]; float* y = outputs[0];
            for (int i = 0; i < 4; i++) y[i] = a[i] + b[i];
            return 0;
        }
        void gentest_add_destroy(gentest_add_context* ctx) { free(ctx); }
        """;

    // Calls the generated class with arrays: spans cannot cross reflection.
    private const string Probe = """
        internal static class Probe
        {
            public static float[] Add(float[] a, float[] b, int threads)
            {
                using var model = new AddModel(threads);
                return model.Run(a, b);
            }

            public static string WrongLength(float[] output)
            {
                using var model = new AddModel();
                try { model.Run(new float[4], new float[3], output); return "no exception"; }
                catch (global::System.ArgumentException e) { return e.ParamName + "|" + e.Message; }
            }

            public static string AfterDispose()
            {
                var model = new AddModel();
                model.Dispose();
                try { model.Run(new float[4], new float[4]); return "no exception"; }
                catch (global::System.ObjectDisposedException e) { return e.GetType().Name; }
            }

            public static void Construct() => new AddModel().Dispose();
        }
        """;

    [TestMethod]
    public void GeneratedClassRunsANativeAddModel()
    {
        string library = $"libaidge_gentest_add_{Guid.NewGuid():N}.so";
        string libraryPath = Path.Combine(AppContext.BaseDirectory, library);
        CompileWithGcc(libraryPath);
        try
        {
            Type probe = CompileProbe(AddManifest(library));

            float[] sum = (float[])Call(probe, "Add", new float[] { 1, 2, 3, 4 }, new float[] { 10, 20, 30, 40 }, 2)!;
            CollectionAssert.AreEqual(new float[] { 11, 22, 33, 44 }, sum);

            float[] untouched = [-1, -1, -1, -1];
            string wrong = (string)Call(probe, "WrongLength", untouched)!;
            StringAssert.StartsWith(wrong, "b|");
            StringAssert.Contains(wrong, "Input 'b' (ONNX name \"b\") needs a span of 4 elements, but the span has 3.");
            CollectionAssert.AreEqual(new float[] { -1, -1, -1, -1 }, untouched, "the native run must not have happened");

            Assert.AreEqual(nameof(ObjectDisposedException), Call(probe, "AfterDispose"));
        }
        finally
        {
            File.Delete(libraryPath);
        }
    }

    [TestMethod]
    public void AMissingLibraryThatWasNotBuiltQuotesWhy()
    {
        Type probe = CompileProbe(AddManifest($"libaidge_never_built_{Guid.NewGuid():N}.so") with
        {
            NativeBuilt = false,
            NativeMessage = "no C compiler found: set AidgeCCompiler or CC",
        });

        var error = Assert.ThrowsExactly<DllNotFoundException>(() => Call(probe, "Construct"));
        StringAssert.Contains(error.Message, "was not built: no C compiler found: set AidgeCCompiler or CC. Fix that and rebuild the project.");
    }

    [TestMethod]
    public void AMissingLibraryThatWasBuiltSaysWhereItWasExpected()
    {
        string library = $"libaidge_lost_{Guid.NewGuid():N}.so";
        Type probe = CompileProbe(AddManifest(library));

        var error = Assert.ThrowsExactly<DllNotFoundException>(() => Call(probe, "Construct"));
        StringAssert.Contains(error.Message, $"was not found at '{Path.Combine(AppContext.BaseDirectory, library)}'");
    }

    private static TestManifest AddManifest(string library) => new()
    {
        ClassName = "AddModel",
        SymbolPrefix = "gentest_add",
        Library = library,
        Inputs = [new("a", "float32", 2, 2), new("b", "float32", 2, 2)],
        Outputs = [new("y", "float32", 2, 2)],
    };

    private static Type CompileProbe(TestManifest manifest)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            [("/obj/add.aidge.json", manifest.ToJson())],
            source: Probe);
        outcome.AssertCompiles();
        using var image = new MemoryStream();
        EmitResult emitted = outcome.Output.Emit(image);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(image.ToArray()).GetType("Probe", throwOnError: true)!;
    }

    private static object? Call(Type probe, string method, params object[] arguments)
    {
        try
        {
            return probe.GetMethod(method)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw e.InnerException;
        }
    }

    private static void CompileWithGcc(string libraryPath)
    {
        string source = Path.Combine(Path.GetTempPath(), $"gentest_add_{Guid.NewGuid():N}.c");
        File.WriteAllText(source, AddModelC);
        try
        {
            Process gcc;
            try
            {
                gcc = Process.Start(new ProcessStartInfo("gcc", ["-shared", "-fPIC", "-O1", "-o", libraryPath, source])
                {
                    RedirectStandardError = true,
                })!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Inconclusive("gcc is not on PATH: the native round trip needs a C compiler.");
                return;
            }

            string errors = gcc.StandardError.ReadToEnd();
            gcc.WaitForExit();
            Assert.AreEqual(0, gcc.ExitCode, errors);
        }
        finally
        {
            File.Delete(source);
        }
    }
}
