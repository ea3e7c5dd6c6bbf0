using System.Globalization;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Verification;

/// <summary>How one output of a fixed-point design compares with its reference: the largest error measured and the bound it must stay within.</summary>
public sealed record FixedPointOutcome(string Output, double Measured, double Bound)
{
    public bool WithinBound => Measured <= Bound;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"output '{Output}': max abs error {Measured:G3}, bound {Bound:G3}");
}

/// <summary>The reference of one fixed-point run: the simulator's outputs on the rounded-weights graph, and the first value that leaves the format's range (null when none does).</summary>
public sealed record FixedPointReferenceRun(IReadOnlyList<Tensor> Outputs, string? OutOfRange);

/// <summary>
/// The comparison of a fixed-point HLS design with the simulator, for the build-time check, the conformance runner and
/// the tests: the simulator runs the graph with its float constants rounded to the data format (<see cref="RoundedWeights"/>:
/// what the design's ROM holds), and each output's largest error must stay within the bound of
/// <see cref="FixedPointErrorBound"/>. The bound assumes no value wraps: a run is out of range, and proves nothing,
/// when some reference value plus its own bound leaves the data format (<see cref="FixedPointBuild.Largest"/>), its
/// inputs included.
/// </summary>
public static class FixedPointReference
{
    public static FixedPointReferenceRun Simulate(Graph graph, FixedPointBuild build, IReadOnlyList<Tensor> inputs, string? file = null, CancellationToken cancellation = default)
    {
        var runtime = graph.RuntimeInputs.ToList();
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < runtime.Count; i++)
        {
            named[runtime[i].Name] = inputs[i];
        }
        IReadOnlyDictionary<string, object?> results;
        using (new RoundedWeights(graph, build.Design.Data))
        {
            results = new Interpreter(graph, file: file, cancellation: cancellation).Run(named, keepIntermediates: true);
        }
        double largest = FixedPointBuild.Largest(build.Design.Data);
        string? outOfRange = null;
        foreach (var (value, bound) in build.ValueBounds)
        {
            if (value.ElementType != DataType.Float || !results.TryGetValue(value.Name, out var result) || result is not Tensor tensor)
            {
                continue;
            }
            double magnitude = FixedPointBuild.MaxMagnitude(tensor);
            if (magnitude + bound > largest && outOfRange is null)
            {
                outOfRange = string.Create(CultureInfo.InvariantCulture, $"'{value.Name}' reaches {magnitude:G4}, beyond ±{largest:G4} with its bound {bound:G3}");
            }
        }
        return new FixedPointReferenceRun(graph.Outputs.Select(o => (Tensor)results[o.Name]!).ToList(), outOfRange);
    }

    /// <summary>Each output's largest |actual − expected| against its bound.</summary>
    public static IReadOnlyList<FixedPointOutcome> Compare(IReadOnlyList<string> names, IReadOnlyList<Tensor> expected, IReadOnlyList<Tensor> actual, IReadOnlyList<double> bounds)
    {
        var outcomes = new List<FixedPointOutcome>();
        for (int o = 0; o < expected.Count; o++)
        {
            double measured = 0;
            for (int i = 0; i < expected[o].Length; i++)
            {
                double error = Math.Abs(actual[o].GetDouble(i) - expected[o].GetDouble(i));
                measured = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(measured, error);
            }
            outcomes.Add(new FixedPointOutcome(names[o], measured, bounds[o]));
        }
        return outcomes;
    }
}
