using Aidge.Core.Tensors;
using Aidge.Export.Toolchain;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Quantized;

/// <summary>
/// A model compiled by the OpenMP target, run natively on byte buffers and by the simulator on the same feeds. The
/// library can be rebuilt from the generated sources with the int8 kernels capped at an instruction-set level
/// (<c>-DAIDGE_INT8_ISA_MAX</c>: 0 portable C, 1 AVX2, 2 AVX-VNNI, 3 AVX-512 VNNI; a level the CPU lacks falls to the
/// best it has), so that every path the build machine can run is compared with the simulator.
/// </summary>
internal sealed class QuantizedLibrary : IDisposable
{
    private readonly DirectoryInfo folder;
    private readonly GeneratedLibrary library;
    private readonly byte[] model;

    public QuantizedLibrary(ModelBuilder builder)
    {
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the generated library cannot be built.");
        }
        Feeds = builder.Feeds;
        model = QuantizedModels.Serialize(builder);
        folder = Directory.CreateTempSubdirectory("aidge-int8-");
        string path = Path.Combine(folder.FullName, "quantized.onnx");
        File.WriteAllBytes(path, model);
        library = GeneratedLibrary.Compile(path, Path.Combine(folder.FullName, "out"));
    }

    public IReadOnlyDictionary<string, Tensor> Feeds { get; }

    /// <summary>The generated C source.</summary>
    public string Source => File.ReadAllText(SourcePath);

    private string SourcePath => Directory.GetFiles(Path.Combine(folder.FullName, "out"), $"{library.Prefix}.c", SearchOption.AllDirectories).Single();

    public IReadOnlyList<Tensor> Simulate() => new SimulatorModel(model).Run(Feeds);

    /// <summary>Runs the library as compiled, or rebuilt with the int8 kernels capped at <paramref name="isaMax"/>.</summary>
    public IReadOnlyList<Tensor> Run(int? isaMax = null)
    {
        string path = isaMax is { } level ? Rebuild(level) : library.Path;
        var simulated = Simulate();
        var outputs = simulated.Select(t => new byte[t.Bytes.Length]).ToList();
        using var native = Aidge.Compiler.Verification.NativeModel.Open(path, library.Prefix);
        int status = native.Run(Feeds.Values.Select(t => t.Bytes.ToArray()).ToList(), outputs);
        Assert.AreEqual(0, status, "The generated run function failed.");
        return simulated.Select((t, i) => Tensor.FromBytes(t.Type, t.Dims, outputs[i])).ToList();
    }

    /// <summary>Asserts that the library (capped at <paramref name="isaMax"/> if given) writes exactly the simulator's bytes.</summary>
    public void AssertMatchesSimulator(int? isaMax = null)
    {
        var expected = Simulate();
        var actual = Run(isaMax);
        for (int i = 0; i < expected.Count; i++)
        {
            var want = expected[i].Bytes.ToArray();
            var got = actual[i].Bytes.ToArray();
            int first = Enumerable.Range(0, want.Length).FirstOrDefault(j => want[j] != got[j], -1);
            int count = Enumerable.Range(0, want.Length).Count(j => want[j] != got[j]);
            // Outputs that all saturated, or all came out equal, would hide a wrong sum: the data must spread.
            Assert.IsTrue(want.Length < 100 || want.Distinct().Count() > 10, $"Output {i} takes {want.Distinct().Count()} distinct byte values: the test data does not exercise the kernels.");
            Assert.AreEqual(-1, first, $"Output {i} ({expected[i].Type.OnnxName()} [{string.Join(",", expected[i].Dims)}]{(isaMax is { } l ? $", int8 kernels capped at level {l}" : "")}): {count} of {want.Length} bytes differ from the simulator, the first at byte {first} ({(first >= 0 ? got[first] : 0)} instead of {(first >= 0 ? want[first] : 0)}).");
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Rebuild(int isaMax)
    {
        var compiler = CCompilerLocator.Find(null, out _)!;
        string source = SourcePath;
        string target = Path.Combine(folder.FullName, $"isa{isaMax}-{Path.GetFileName(library.Path)}");
        var arguments = NativeBuild.SharedLibraryArguments([Path.GetFileName(source)], target, "O3").Prepend($"-DAIDGE_INT8_ISA_MAX={isaMax}");
        var result = CompilerRun.Run(compiler.Path, arguments, Path.GetDirectoryName(source)!, NativeBuild.Timeout);
        Assert.IsTrue(result.Succeeded, $"Rebuilding with -DAIDGE_INT8_ISA_MAX={isaMax} failed: {result.Summary()}");
        return target;
    }
}
