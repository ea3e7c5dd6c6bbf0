using Aidge.Benchmarks;
using Aidge.Core.Diagnostics;
using Aidge.Testing;

// Six lines: the simulator against ONNX Runtime on a ResNet-style network, then the library the OpenMP exporter
// generates against ONNX Runtime on the Digits sample's model and on that network, at one thread and at all cores,
// then the generated int8 convolution against the float32 one on that network's layer, then the report's predicted
// latency of both libraries against what their builds measured (the machine probe measured afresh in this run).
// The network: a 3x3 stem convolution to 64 channels at 56x56, then basic residual blocks (two 3x3 convolutions
// with BatchNormalization, Relu, skip Add). Ratios are the first contender's median over ONNX Runtime's: above 1, ORT is faster.
const int Channels = 64;
const int Size = 56;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var network = NetworkBlocks.ResNetStyleNetwork(Channels, Size, options.Blocks);
string resNetTitle = $"resnet-style {1 + 2 * options.Blocks} conv {Channels}x{Size}x{Size}";
int[] threadCounts = Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];
var digitsImage = DigitsSample.LoadHeldOut().Image(0).ToArray();
string workFolder = Directory.CreateTempSubdirectory("aidge-benchmark-").FullName;
// A cached descriptor describes the machine as it was when cached; the prediction lines compare it with now.
Environment.SetEnvironmentVariable("AIDGE_CACHE_DIR", Path.Combine(workFolder, "probe-cache"));
try
{
    var lines = new List<(string Line, bool Agrees)> { SimulatorVersusOnnxRuntime.Compare(resNetTitle, network, options) };
    Console.WriteLine(lines[^1].Line);

    string resNetModel = Path.Combine(workFolder, "resnet_style.onnx");
    File.WriteAllBytes(resNetModel, network.ToBytes());
    var contenders = new[]
    {
        (Title: "digits", Model: DigitsSample.ModelPath, Inputs: new[] { digitsImage }),
        (Title: resNetTitle, Model: resNetModel, Inputs: network.Feeds.Values.Select(t => t.Span<float>().ToArray()).ToArray()),
    };
    var predictions = new List<string>();
    foreach (var (title, model, inputs) in contenders)
    {
        string output = Path.Combine(workFolder, Path.GetFileNameWithoutExtension(model));
        var library = GeneratedLibrary.Compile(model, output);
        predictions.Add(PredictedVersusMeasured.Line(title, output));
        lines.Add(GeneratedVersusOnnxRuntime.Compare(title, File.ReadAllBytes(model), library, inputs, threadCounts, options));
        Console.WriteLine(lines[^1].Line);
    }
    Console.WriteLine(Int8VersusFloat.Compare(workFolder, threadCounts, options));
    predictions.ForEach(Console.WriteLine);
    return lines.All(l => l.Agrees) ? 0 : 1;
}
catch (AidgeException e)
{
    Console.Error.WriteLine($"The simulator cannot run the model: {e.Diagnostic.Code}: {e.Diagnostic.Message}");
    return 1;
}
catch (InvalidOperationException e)
{
    // The compiler's diagnostics, or a generated library that would not load or run.
    Console.Error.WriteLine(e.Message);
    return 1;
}
finally
{
    Directory.Delete(workFolder, recursive: true);
}
