using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Quantization;
using Aidge.Passes.Tests.Support;
using Aidge.Simulation.Calibration;
using Aidge.Simulation.Runtime;

namespace Aidge.Passes.Tests.Quantization;

/// <summary>
/// The calibrate-then-quantize sequence the compiler runs: statistics over samples on the graph as the level's passes
/// left it, ranges by a method, then quantize-int8 through the pass manager.
/// </summary>
internal static class QuantizationTesting
{
    public static QuantizationSettings Calibrate(Graph graph, IEnumerable<IReadOnlyDictionary<string, Tensor>> samples, CalibrationMethod method = CalibrationMethod.MinMax,
        bool symmetric = false) =>
        Settings(CalibrationStatistics.Collect(graph, samples, PassTesting.FileName), method, symmetric);

    public static QuantizationSettings Settings(CalibrationStatistics statistics, CalibrationMethod method, bool symmetric = false) =>
        new(statistics.Ranges(new RangeEstimationOptions(method, symmetric)).ToDictionary(r => r.Key, r => new ValueRange(r.Value.Min, r.Value.Max)), symmetric);

    public static (PassRecord Record, PassContext Context) Quantize(Graph graph, QuantizationSettings settings)
    {
        var context = new PassContext(PassTesting.FileName) { Evaluator = new KernelNodeEvaluator(PassTesting.FileName), Quantization = settings };
        var records = PassManager.Run(graph, [new QuantizeInt8()], context);
        return (records.Single(), context);
    }

    /// <summary>Builder feeds with fresh seeded random data, for calibration: <paramref name="count"/> samples like the builder's own.</summary>
    public static List<IReadOnlyDictionary<string, Tensor>> RandomSamples(IReadOnlyDictionary<string, Tensor> like, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (IReadOnlyDictionary<string, Tensor>)like.ToDictionary(
            f => f.Key,
            f => Tensor.FromArray(Enumerable.Range(0, f.Value.Length).Select(_ => 2 * random.NextSingle() - 1).ToArray(), f.Value.Dims))).ToList();
    }
}
