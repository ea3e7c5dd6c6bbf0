using System.Globalization;
using System.Runtime.InteropServices;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Export.Kernels;
using Aidge.Simulation.Runtime;

namespace Aidge.Conformance.Hls;

/// <summary>
/// The conformance suite through fixed-point HLS designs (<c>--target hls-fixed</c>): every case whose graph has a
/// fixed-point form (<see cref="FixedPointBuild"/>, planned with <see cref="HlsEmitters.FixedTarget"/>) is exported at a
/// precision chosen for it (<see cref="Choose"/>), its C simulation built with g++ like the float run's, and run on
/// each test data set against the simulator with rounded weights (<see cref="FixedPointReference"/>): it passes when
/// every output's largest error is within the bound stated for the case, which its result line gives with the
/// precision. A case whose values leave the chosen format (or need more than 32 bits) is reported out of range
/// (unsupported), never passed.
/// </summary>
public static class HlsFixedConformance
{
    public const string Name = "hls-fixed";

    /// <summary>The fraction bits of every case's precision: a step of 2^-14 (6e-5), well above float32 rounding of the suite's values, so the simulator is a fair reference.</summary>
    public const int FractionBits = 14;

    private sealed record FixedCase(ExportedCase Exported, LoadedCase Loaded, FixedPointBuild Build);

    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, Action<CaseResult>? progress = null)
    {
        var output = new OutputFolder(buildDirectory);
        foreach (var header in HlsSourceEmitter.OwnedHeaders())
        {
            output.WriteIfChanged(header.RelativePath, header.Content);
        }
        var cases = ConformanceSuite.Cases(dataRoot, filters);
        var scope = new CIdentifierScope();
        var prefixes = cases.Select(c => scope.Claim($"{c.Folder}_{Path.GetFileName(c.Directory)}")).ToList();
        var results = new CaseResult?[cases.Count];
        var exported = new FixedCase?[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            (exported[i], results[i]) = Export(cases[i].Folder, cases[i].Directory, prefixes[i], output);
        });
        var claimed = exported.OfType<FixedCase>().ToList();
        if (claimed.Count > 0)
        {
            var (library, failures) = BatchCompiler.Build(buildDirectory, claimed.Select(c => c.Exported.Plan.Prefix).ToList(), HlsConformance.Toolchain());
            nint handle = library is null ? 0 : NativeLibrary.Load(library);
            Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                if (exported[i] is { } fixedCase)
                {
                    results[i] = failures.TryGetValue(fixedCase.Exported.Plan.Prefix, out string? why)
                        ? new CaseResult(fixedCase.Exported.Folder, fixedCase.Exported.Case, CaseStatus.Failed, why)
                        : RunCase(handle, fixedCase);
                }
            });
        }
        var final = results.Select(r => r!).ToList();
        final.ForEach(r => progress?.Invoke(r));
        return final;
    }

    /// <summary>
    /// The precision of a case: <see cref="FractionBits"/> fraction bits, and integer bits for the largest magnitude
    /// among its float values on its first data set (constants included) with two bits more, one for the sign and one of
    /// headroom for the errors and a sum's carry; null when that takes more than 32 bits.
    /// </summary>
    public static FixedPointFormat? Choose(Graph graph, Func<Value, Tensor?> known, IReadOnlyList<Tensor> inputs, out double largest)
    {
        var named = graph.RuntimeInputs.Select((v, i) => (v.Name, (object?)inputs[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
        var values = new Interpreter(graph).Run(named, keepIntermediates: true).Values.OfType<Tensor>()
            .Concat(graph.Values.Select(known).OfType<Tensor>());
        largest = values.Where(t => t.Type == DataType.Float).Select(FixedPointBuild.MaxMagnitude).DefaultIfEmpty(0).Max();
        int integer = Math.Max(2, (int)Math.Ceiling(Math.Log2(Math.Max(largest, 1e-30))) + 2);
        return integer + FractionBits <= FixedPointFormat.MaxWidth ? new FixedPointFormat(integer + FractionBits, integer) : null;
    }

    private static (FixedCase?, CaseResult?) Export(string folder, string directory, string prefix, OutputFolder output)
    {
        string name = Path.GetFileName(directory);
        try
        {
            if (CaseExporter.Load(folder, directory, Name, out var loaded) is { } refused)
            {
                return (null, refused);
            }
            var (graph, known, dataSets) = loaded!;
            if (!graph.Values.Any(v => v.ElementType == DataType.Float && known(v) is null))
            {
                // An integer graph compiles as it is: passing it would say nothing about fixed point.
                return (null, new CaseResult(folder, name, CaseStatus.Unsupported, $"{Name}: no float value is computed, so nothing runs in fixed point"));
            }
            var diagnostics = new List<Diagnostic>();
            // The planner first: it names the operators fixed point does not cover before any simulation runs.
            var memory = Aidge.Compiler.Compilation.KernelMemory.Plan(graph, known, HlsEmitters.FixedTarget);
            var planned = KernelPlanner.Plan(graph, known, memory, prefix, HlsEmitters.FixedTarget, "model.onnx");
            if (planned.Plan is not { } plan)
            {
                return (null, CaseExporter.Refused(folder, name, planned.Diagnostics[0]));
            }
            if (NativeCaseRunner.ReadInputs(plan, dataSets[0], out var inputs) is { } wrong)
            {
                return (null, new CaseResult(folder, name, CaseStatus.Unsupported, $"{Name}: {wrong}"));
            }
            if (Choose(graph, known, inputs, out double largest) is not { } precision)
            {
                return (null, new CaseResult(folder, name, CaseStatus.Unsupported, string.Create(CultureInfo.InvariantCulture, $"out-of-range: values reach {largest:G4}, beyond a 32-bit format with {FractionBits} fraction bits")));
            }
            if (FixedPointBuild.Analyze(graph, known, precision, "model.onnx", diagnostics) is not { } build)
            {
                return (null, CaseExporter.Refused(folder, name, diagnostics.First(d => d.Severity == Severity.Error)));
            }
            var options = HlsOptions.Default with { Precision = precision };
            foreach (var file in HlsSourceEmitter.Emit(plan, options, "model.onnx", build).Where(f => HlsSourceEmitter.IsDesignFile(f, plan.Prefix) && !f.RelativePath.EndsWith("_tb.cpp", StringComparison.Ordinal)))
            {
                output.WriteIfChanged(file.RelativePath, file.Content);
            }
            return (new FixedCase(new ExportedCase(folder, name, directory, plan, dataSets), loaded, build), null);
        }
        catch (AidgeException e)
        {
            return (null, new CaseResult(folder, name, CaseStatus.Unsupported, $"{e.Diagnostic.Code}: {e.Diagnostic.Message}"));
        }
    }

    private static CaseResult RunCase(nint library, FixedCase fixedCase)
    {
        var (exported, loaded, build) = (fixedCase.Exported, fixedCase.Loaded, fixedCase.Build);
        var plan = exported.Plan;
        string precision = $"{build.Design.Data} (accumulator {build.Design.Accumulator})";
        CaseResult Result(CaseStatus status, string reason) => new(exported.Folder, exported.Case, status, $"{precision}: {reason}");
        NativeModel model;
        try
        {
            model = NativeModel.In(library, plan.Prefix);
        }
        catch (InvalidOperationException e)
        {
            return Result(CaseStatus.Failed, e.Message);
        }
        var worst = new Dictionary<string, FixedPointOutcome>(StringComparer.Ordinal);
        using (model)
        {
            foreach (string dataSet in exported.DataSets)
            {
                if (NativeCaseRunner.ReadInputs(plan, dataSet, out var inputs) is { } wrong)
                {
                    return Result(CaseStatus.Failed, $"{Path.GetFileName(dataSet)}: {wrong}");
                }
                var reference = FixedPointReference.Simulate(loaded.Graph, build, inputs);
                if (reference.OutOfRange is { } value)
                {
                    return Result(CaseStatus.Unsupported, $"out-of-range on {Path.GetFileName(dataSet)}: {value}");
                }
                var outputs = plan.Outputs.Select(o => new byte[o.Bytes]).ToList();
                int status = model.Run(inputs.Select(t => t.Bytes.ToArray()).ToList(), outputs);
                if (status != 0)
                {
                    return Result(CaseStatus.Failed, $"{Path.GetFileName(dataSet)}: run returned {status}");
                }
                var actual = outputs.Select((bytes, i) => Tensor.FromBytes(plan.Outputs[i].Type, plan.Outputs[i].Dims.ToArray(), bytes)).ToList();
                foreach (var outcome in FixedPointReference.Compare(plan.Outputs.Select(o => o.Name).ToList(), reference.Outputs, actual, build.OutputBounds))
                {
                    if (!worst.TryGetValue(outcome.Output, out var seen) || outcome.Measured > seen.Measured)
                    {
                        worst[outcome.Output] = outcome;
                    }
                }
            }
        }
        string figures = string.Join("; ", worst.Values);
        return worst.Values.All(o => o.WithinBound) ? Result(CaseStatus.Passed, figures) : Result(CaseStatus.Failed, $"beyond the bound: {figures}");
    }
}
