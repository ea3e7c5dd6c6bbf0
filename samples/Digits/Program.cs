using System.Diagnostics;
using System.Globalization;
using Digits;

// Classifies the held-out digits with the classes Aidge.Build generated at build time from digits.onnx (see
// Digits.csproj): DigitsModel runs the float32 graph after the O2 passes, DigitsInt8Model the same graph quantized to
// int8 with the calibration set, both as OpenMP C. DigitsHlsModel and DigitsHlsInt8Model are the same two graphs as
// the FPGA design's C simulation, DigitsHlsFixedModel the float graph in 18-bit fixed point, DigitsCudaModel the float32 graph on a GPU where nvcc and a GPU exist. Then it times
// single inferences of the OpenMP classes, one image in, ten logits out, as an application would call them.
const int WarmupPasses = 3;
const int TimedPasses = 10;

var heldOut = HeldOutDigits.Load(Path.Combine(AppContext.BaseDirectory, "digits-test.bin"));
using var fp32 = new DigitsModel();
using var int8 = new DigitsInt8Model();
using var hls = new DigitsHlsModel();
using var hlsInt8 = new DigitsHlsInt8Model();
using var hlsFixed = new DigitsHlsFixedModel();
var variants = new List<Variant>
{
    new("float32", nameof(DigitsModel), fp32.Run, t => fp32.Threads = t, DigitsModel.WeightBytes),
    new("int8", nameof(DigitsInt8Model), int8.Run, t => int8.Threads = t, DigitsInt8Model.WeightBytes),
    new("hls fp32", nameof(DigitsHlsModel), hls.Run, _ => { }, DigitsHlsModel.WeightBytes),
    new("hls int8", nameof(DigitsHlsInt8Model), hlsInt8.Run, _ => { }, DigitsHlsInt8Model.WeightBytes),
    new("hls fixed", nameof(DigitsHlsFixedModel), hlsFixed.Run, _ => { }, DigitsHlsFixedModel.WeightBytes),
};
// Constructing a class whose library was not built (here: no nvcc) throws, quoting the build's reason.
string? cudaUnavailable = null;
DigitsCudaModel? cuda = null;
try
{
    cuda = new DigitsCudaModel();
    variants.Add(new("cuda", nameof(DigitsCudaModel), cuda.Run, _ => { }, DigitsCudaModel.WeightBytes));
}
catch (DllNotFoundException e)
{
    cudaUnavailable = e.Message;
}

Console.WriteLine("Digits: a CNN trained on scikit-learn's 8x8 handwritten digits, compiled by Aidge.Build into native code");
Console.WriteLine($"  model:  {DigitsModel.SourceModel} ({DigitsModel.Producer}, ONNX opset {DigitsModel.Opset}), target {DigitsModel.Target}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  size:   {DigitsModel.ParameterCount:N0} parameters, {DigitsModel.MultiplyAccumulates:N0} multiply-accumulates per inference"));
Console.WriteLine($"  input:  image, float32 [{Dims(DigitsModel.ImageShape)}], pixels scaled to [0, 1]");
Console.WriteLine($"  output: logits, float32 [{Dims(DigitsModel.LogitsShape)}], one score per digit");
foreach (var variant in variants)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {variant.Label,-10}{variant.ClassName}: {variant.WeightBytes:N0} bytes of weights"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  int8 weights are {(double)DigitsModel.WeightBytes / DigitsInt8Model.WeightBytes:F2}x smaller"));
if (cudaUnavailable is not null)
{
    Console.WriteLine($"  cuda      {nameof(DigitsCudaModel)}: not run here. {cudaUnavailable}");
}
Console.WriteLine();

Console.WriteLine("Held-out accuracy:");
var logits = new float[DigitsModel.LogitsLength];
foreach (var variant in variants)
{
    var mistakes = new List<string>();
    for (int i = 0; i < heldOut.Count; i++)
    {
        variant.Run(heldOut.Image(i), logits);
        int predicted = HeldOutDigits.ArgMax(logits);
        if (predicted != heldOut.Label(i))
        {
            mistakes.Add($"#{i} ({heldOut.Label(i)} read as {predicted})");
        }
    }
    int correct = heldOut.Count - mistakes.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {variant.Label,-10}{correct}/{heldOut.Count} = {(double)correct / heldOut.Count:P2}{(mistakes.Count > 0 ? "; misclassified: " + string.Join(", ", mistakes) : "")}"));
}
Console.WriteLine();

// The FPGA design's C simulation against the OpenMP build of the same graph: both were checked against the
// simulator at build time; here they meet on every held-out image.
Console.WriteLine("FPGA C simulation against the OpenMP library, all held-out images:");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  float32   largest logit difference {LargestDifference(variants[0], variants[2], heldOut):G3}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  int8      largest logit difference {LargestDifference(variants[1], variants[3], heldOut):G3} (the int8 arithmetic is exact: 0 expected)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  fixed     largest logit difference {LargestDifference(variants[0], variants[4], heldOut):G3} from float32 (mostly the weights' rounding to 10 fraction bits; the report bounds the arithmetic after it)"));
Console.WriteLine();

Console.WriteLine($"Latency per inference of the OpenMP libraries, median over {TimedPasses * heldOut.Count:N0} runs after {WarmupPasses * heldOut.Count:N0} warm-up runs:");
Console.WriteLine($"  {"",-30} {"float32",10} {"int8",10} {"int8/float32",13}");
foreach (int threads in new[] { 1, 0 })
{
    var medians = variants.Take(2).Select(v => MedianMicroseconds(v, threads, heldOut, logits)).ToArray();
    string label = threads == 1 ? "1 thread" : DefaultThreadsLabel();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {label,-30} {medians[0],7:F1} µs {medians[1],7:F1} µs {medians[1] / medians[0],13:F2}"));
}

cuda?.Dispose();

static string Dims(ReadOnlySpan<int> shape) => string.Join(" x ", shape.ToArray());

// Threads = 0 leaves the count to OpenMP: OMP_NUM_THREADS when set, else one thread per core.
static string DefaultThreadsLabel() => Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } configured
    ? $"OpenMP default (OMP_NUM_THREADS={configured})"
    : $"OpenMP default ({Environment.ProcessorCount} cores)";

// Each inference is timed on its own (Stopwatch ticks are nanoseconds on Linux), cycling through the held-out
// images; the median ignores the odd run that the OS interrupted.
static double MedianMicroseconds(Variant variant, int threads, HeldOutDigits heldOut, float[] logits)
{
    variant.SetThreads(threads);
    for (int i = 0; i < WarmupPasses * heldOut.Count; i++)
    {
        variant.Run(heldOut.Image(i % heldOut.Count), logits);
    }
    var times = new double[TimedPasses * heldOut.Count];
    for (int i = 0; i < times.Length; i++)
    {
        long start = Stopwatch.GetTimestamp();
        variant.Run(heldOut.Image(i % heldOut.Count), logits);
        times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }
    Array.Sort(times);
    return times[times.Length / 2];
}

static double LargestDifference(Variant reference, Variant other, HeldOutDigits heldOut)
{
    var expected = new float[DigitsModel.LogitsLength];
    var actual = new float[DigitsModel.LogitsLength];
    double largest = 0;
    for (int i = 0; i < heldOut.Count; i++)
    {
        reference.Run(heldOut.Image(i), expected);
        other.Run(heldOut.Image(i), actual);
        for (int k = 0; k < expected.Length; k++)
        {
            largest = Math.Max(largest, Math.Abs(expected[k] - actual[k]));
        }
    }
    return largest;
}

/// <summary>One of the generated classes, seen through what the app does with it.</summary>
internal sealed record Variant(string Label, string ClassName, Inference Run, Action<int> SetThreads, long WeightBytes);

/// <summary>The generated classes' Run(ReadOnlySpan&lt;float&gt; image, Span&lt;float&gt; logits).</summary>
internal delegate void Inference(ReadOnlySpan<float> image, Span<float> logits);
