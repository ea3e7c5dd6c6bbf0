using System.Runtime.InteropServices;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Compiler.Verification;
using Aidge.Onnx;

namespace Aidge.Conformance;

/// <summary>
/// Runs an exported case through its C ABI (create, set_threads, run, destroy) found in the batch library, on every test
/// data set, and compares the outputs with the expected ones by the suite's rule. The same for every native target:
/// they all export the same ABI.
/// </summary>
public static class NativeCaseRunner
{
    /// <summary>
    /// The whole suite through a native target: export every case the target claims, build them into one library with
    /// the toolchain (asked for only when some case was claimed), run each through its C ABI, and return one result
    /// per case in suite order (reported through <paramref name="progress"/> too).
    /// </summary>
    public static IReadOnlyList<CaseResult> RunSuite(
        ConformanceTarget target, Func<BatchToolchain> toolchain, string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, Action<CaseResult>? progress)
    {
        var (cases, results, exported) = CaseExporter.ExportAll(dataRoot, filters, buildDirectory, target);
        var claimed = exported.OfType<ExportedCase>().ToList();
        if (claimed.Count > 0)
        {
            RunBatch(toolchain(), claimed, buildDirectory, cases, results);
        }
        var final = results.Select(r => r!).ToList();
        final.ForEach(r => progress?.Invoke(r));
        return final;
    }

    /// <summary>
    /// Builds the claimed cases into one library with <paramref name="toolchain"/> and runs each (in parallel), filling
    /// their slots of <paramref name="results"/> (indexed like <paramref name="cases"/>); a case that did not compile fails.
    /// </summary>
    private static void RunBatch(BatchToolchain toolchain, IReadOnlyList<ExportedCase> claimed, string buildDirectory, IReadOnlyList<(string Folder, string Directory)> cases, CaseResult?[] results)
    {
        var (library, failures) = BatchCompiler.Build(buildDirectory, claimed.Select(c => c.Plan.Prefix).ToList(), toolchain);
        nint handle = library is null ? 0 : NativeLibrary.Load(library);
        var index = cases.Select((c, i) => (c, i)).ToDictionary(p => (p.c.Folder, Path.GetFileName(p.c.Directory)), p => p.i);
        Parallel.ForEach(claimed, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            results[index[(c.Folder, c.Case)]] = failures.TryGetValue(c.Plan.Prefix, out string? why)
                ? new CaseResult(c.Folder, c.Case, CaseStatus.Failed, why)
                : Run(handle, c);
        });
    }

    public static CaseResult Run(nint library, ExportedCase exported)
    {
        NativeModel model;
        try
        {
            model = NativeModel.In(library, exported.Plan.Prefix);
        }
        catch (InvalidOperationException e)
        {
            return Result(exported, CaseStatus.Failed, e.Message);
        }
        using (model)
        {
            // The cases run in parallel already; one thread each avoids oversubscribing the cores (a target without
            // host threads of its own, such as CUDA, ignores it).
            model.SetThreads(1);
            var tolerance = Tolerance.ForCase(exported.Directory);
            foreach (string dataSet in exported.DataSets)
            {
                if (RunDataSet(exported, dataSet, model, tolerance) is { } difference)
                {
                    return Result(exported, CaseStatus.Failed, $"{Path.GetFileName(dataSet)}: {difference}");
                }
            }
            return Result(exported, CaseStatus.Passed, null);
        }
    }

    private static string? RunDataSet(ExportedCase exported, string dataSet, NativeModel model, Tolerance tolerance)
    {
        var plan = exported.Plan;
        if (ReadInputs(plan, dataSet, out var tensors) is { } wrong)
        {
            return wrong;
        }
        var inputs = tensors.Select(t => t.Bytes.ToArray()).ToArray();
        var outputs = plan.Outputs.Select(o => new byte[o.Bytes]).ToArray();
        int status = model.Run(inputs, outputs);
        if (status != 0)
        {
            return $"run returned {status}";
        }
        for (int i = 0; i < outputs.Length; i++)
        {
            var planned = plan.Outputs[i];
            var actual = Tensor.FromBytes(planned.Type, planned.Dims.ToArray(), outputs[i]);
            var expected = TensorFiles.Read(Path.Combine(dataSet, $"output_{i}.pb"), new TensorType(planned.Type, null));
            if (ValueComparer.Difference(planned.Name, expected, actual, tolerance) is { } difference)
            {
                return difference;
            }
        }
        return null;
    }

    /// <summary>A data set's inputs in the plan's order; a message instead when one's shape is not the one exported.</summary>
    public static string? ReadInputs(Aidge.Export.Plan.ExportPlan plan, string dataSet, out List<Tensor> inputs)
    {
        inputs = new List<Tensor>();
        for (int i = 0; i < plan.Inputs.Count; i++)
        {
            var expected = plan.Inputs[i];
            var tensor = (Tensor)TensorFiles.Read(Path.Combine(dataSet, $"input_{i}.pb"), new TensorType(expected.Type, null))!;
            if (!tensor.Dims.AsSpan().SequenceEqual(expected.Dims.AsSpan()))
            {
                return $"input {i} has shape [{string.Join(",", tensor.Dims)}], the export was for [{string.Join(",", expected.Dims)}]";
            }
            inputs.Add(tensor);
        }
        return null;
    }

    private static CaseResult Result(ExportedCase exported, CaseStatus status, string? reason) => new(exported.Folder, exported.Case, status, reason);
}
