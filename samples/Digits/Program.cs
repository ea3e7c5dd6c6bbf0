using System.Diagnostics;
using System.Globalization;
using Digits;

// Classifies the held-out digits with DigitsModel, the class Aidge.Build generated at build time from digits.onnx
// (see Digits.csproj), then times single inferences: one image in, ten logits out, as an application would call it.
const int WarmupPasses = 3;
const int TimedPasses = 10;

var heldOut = HeldOutDigits.Load(Path.Combine(AppContext.BaseDirectory, "digits-test.bin"));
using var model = new DigitsModel();
var logits = new float[DigitsModel.LogitsLength];

Console.WriteLine("Digits: a CNN trained on scikit-learn's 8x8 handwritten digits, compiled by Aidge.Build into native code");
Console.WriteLine($"  model:  {DigitsModel.SourceModel} ({DigitsModel.Producer}, ONNX opset {DigitsModel.Opset}), target {DigitsModel.Target}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  size:   {DigitsModel.ParameterCount:N0} parameters, {DigitsModel.MultiplyAccumulates:N0} multiply-accumulates per inference"));
Console.WriteLine($"  input:  image, float32 [{Dims(DigitsModel.ImageShape)}], pixels scaled to [0, 1]");
Console.WriteLine($"  output: logits, float32 [{Dims(DigitsModel.LogitsShape)}], one score per digit");
Console.WriteLine();

var mistakes = new List<string>();
for (int i = 0; i < heldOut.Count; i++)
{
    model.Run(heldOut.Image(i), logits);
    int predicted = HeldOutDigits.ArgMax(logits);
    if (predicted != heldOut.Label(i))
    {
        mistakes.Add($"#{i} ({heldOut.Label(i)} read as {predicted})");
    }
}
int correct = heldOut.Count - mistakes.Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Held-out accuracy: {correct}/{heldOut.Count} = {(double)correct / heldOut.Count:P2}"));
if (mistakes.Count > 0)
{
    Console.WriteLine($"  misclassified: {string.Join(", ", mistakes)}");
}
Console.WriteLine();

Console.WriteLine($"Latency per inference, median over {TimedPasses * heldOut.Count:N0} runs after {WarmupPasses * heldOut.Count:N0} warm-up runs:");
foreach (int threads in new[] { 1, 0 })
{
    model.Threads = threads;
    string label = threads == 1 ? "1 thread" : DefaultThreadsLabel();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-30} {MedianMicroseconds(model, heldOut, logits):F1} µs"));
}

static string Dims(ReadOnlySpan<int> shape) => string.Join(" x ", shape.ToArray());

// Threads = 0 leaves the count to OpenMP: OMP_NUM_THREADS when set, else one thread per core.
static string DefaultThreadsLabel() => Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } configured
    ? $"OpenMP default (OMP_NUM_THREADS={configured})"
    : $"OpenMP default ({Environment.ProcessorCount} cores)";

// Each inference is timed on its own (Stopwatch ticks are nanoseconds on Linux), cycling through the held-out
// images; the median ignores the odd run that the OS interrupted.
static double MedianMicroseconds(DigitsModel model, HeldOutDigits heldOut, float[] logits)
{
    for (int i = 0; i < WarmupPasses * heldOut.Count; i++)
    {
        model.Run(heldOut.Image(i % heldOut.Count), logits);
    }
    var times = new double[TimedPasses * heldOut.Count];
    for (int i = 0; i < times.Length; i++)
    {
        long start = Stopwatch.GetTimestamp();
        model.Run(heldOut.Image(i % heldOut.Count), logits);
        times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }
    Array.Sort(times);
    return times[times.Length / 2];
}
