using System.Text.RegularExpressions;
using Aidge.Core.Tensors;
using Aidge.Onnx;

namespace Aidge.Build.Tests;

/// <summary>
/// The Aidge.Build package as a user meets it: a console project with an AidgeModel item builds, runs the
/// generated class on the native library, rebuilds only what changed, publishes and cleans.
/// </summary>
[TestClass]
public sealed class PackageEndToEndTests
{
    private const string CompilerRun = "aidgec.dll compile";
    private const string CompileStepSkipped = "Skipping target \"_Aidge_CompileModels\"";

    private const string TinyProgram = """
        using System.Globalization;

        using var model = new Consumer.Tiny();
        float[] input = [1f, 2f, 3f, -4f];
        var output = new float[4];
        model.Run(input, output);
        Console.WriteLine("y=" + string.Join(" ", output.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        """;

    [TestMethod]
    public void BuildsRunsAndRebuildsOnlyWhatChanged()
    {
        var project = ConsumerProject.Create(nameof(BuildsRunsAndRebuildsOnlyWhatChanged), TinyItem("O2"), TinyProgram);
        TinyModel.Write(project.PathOf("models/tiny.onnx"));

        StringAssert.Contains(project.Build().ShouldSucceed().Output, CompilerRun);
        var printed = project.Run().ShouldSucceed().Output;
        CollectionAssert.AreEqual(TinyModel.ExpectedOutput(), ProgramOutput.Values(printed, "y="), $"program output:\n{printed}");

        AssertCompileSkipped(project.Build().ShouldSucceed());

        File.SetLastWriteTimeUtc(project.PathOf("models/tiny.onnx"), DateTime.UtcNow);
        AssertCompiled(project.Build().ShouldSucceed());

        project.SetItems(TinyItem("O1"));
        AssertCompiled(project.Build().ShouldSucceed());
        AssertCompileSkipped(project.Build().ShouldSucceed());

        // SampleInput is resolved against the project folder (else the compiler would not find it and fail), and a
        // data folder is an input by its files: editing one compiles again.
        string sample = project.PathOf("data/samples/x0.npy");
        Directory.CreateDirectory(Path.GetDirectoryName(sample)!);
        NpyFiles.Write(sample, Tensor.FromArray([.. TinyModel.Input, .. TinyModel.Input.Select(x => -x)], 2, 4));
        project.SetItems(TinyItem("O1", """SampleInput="data/samples" """));
        AssertCompiled(project.Build().ShouldSucceed());
        AssertCompileSkipped(project.Build().ShouldSucceed());
        File.SetLastWriteTimeUtc(sample, DateTime.UtcNow.AddSeconds(2));
        AssertCompiled(project.Build().ShouldSucceed());

        var manifest = Path.Combine(project.AidgeOutputRoot, "Tiny", "Tiny.aidge.json");
        var library = ConsumerProject.LibraryOf(manifest);
        Assert.IsTrue(File.Exists(Path.Combine(project.OutputDirectory, library)), $"{library} was not copied to the output folder");
        var publishDirectory = project.PathOf("published");
        project.Publish(publishDirectory).ShouldSucceed();
        Assert.IsTrue(File.Exists(Path.Combine(publishDirectory, library)), $"{library} was not copied to the publish folder");

        project.Clean().ShouldSucceed();
        Assert.IsFalse(Directory.Exists(project.AidgeOutputRoot), "dotnet clean left the compiler's outputs behind");
        Assert.IsFalse(File.Exists(Path.Combine(project.OutputDirectory, library)), "dotnet clean left the native library in the output folder");
    }

    [TestMethod]
    public void MissingModelFileIsAidge5002NamingTheFile()
    {
        var project = ConsumerProject.Create(nameof(MissingModelFileIsAidge5002NamingTheFile),
            """<AidgeModel Include="models/absent.onnx" />""", "Console.WriteLine();");

        var output = project.Build().ShouldFail().Output;

        StringAssert.Contains(output, "error AIDGE5002");
        StringAssert.Contains(output, "models/absent.onnx");
        Assert.DoesNotContain(CompilerRun, output);
    }

    [TestMethod]
    public void TwoModelsWithOneClassNameAreAidge5003()
    {
        var project = ConsumerProject.Create(nameof(TwoModelsWithOneClassNameAreAidge5003), """
            <AidgeModel Include="models/first.onnx" ClassName="Shared" />
            <AidgeModel Include="models/second.onnx" ClassName="shared" />
            """, "Console.WriteLine();");
        TinyModel.Write(project.PathOf("models/first.onnx"));
        TinyModel.Write(project.PathOf("models/second.onnx"));

        var output = project.Build().ShouldFail().Output;

        StringAssert.Contains(output, "error AIDGE5003");
        StringAssert.Contains(output, "models/first.onnx and models/second.onnx");
        Assert.DoesNotContain(CompilerRun, output);
    }

    [TestMethod]
    public void CompilerDiagnosticsReachTheBuildWithTheModelFile()
    {
        var project = ConsumerProject.Create(nameof(CompilerDiagnosticsReachTheBuildWithTheModelFile),
            """<AidgeModel Include="models/garbage.onnx" />""", "Console.WriteLine();");
        Directory.CreateDirectory(project.PathOf("models"));
        File.WriteAllText(project.PathOf("models/garbage.onnx"), "this is not a protobuf");

        var output = project.Build().ShouldFail().Output;

        StringAssert.Contains(output, CompilerRun);
        StringAssert.Matches(output, new Regex(@"models/garbage\.onnx\S* ?: error AIDGE1\d{3}:"));
        Assert.DoesNotContain("AIDGE5005", output, "a model error should arrive with the compiler's own code");
    }

    private static string TinyItem(string optimize, string more = "") => $"""<AidgeModel Include="models/tiny.onnx" ClassName="Tiny" Optimize="{optimize}" {more}/>""";

    private static void AssertCompiled(CommandResult build) =>
        StringAssert.Contains(build.Output, CompilerRun, "the model should have been compiled again");

    private static void AssertCompileSkipped(CommandResult build)
    {
        StringAssert.Contains(build.Output, CompileStepSkipped);
        Assert.DoesNotContain(CompilerRun, build.Output, "an unchanged model was compiled again");
    }
}
