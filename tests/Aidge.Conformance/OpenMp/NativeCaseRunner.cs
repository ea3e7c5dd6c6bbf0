using System.Runtime.InteropServices;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.OpenMp.Plan;
using Aidge.Onnx;

namespace Aidge.Conformance.OpenMp;

/// <summary>
/// Runs an exported case through its C ABI (create, set_threads, run, destroy) found in the batch library, on every test
/// data set, and compares the outputs with the expected ones by the suite's rule.
/// </summary>
public static unsafe class NativeCaseRunner
{
    public static CaseResult Run(nint library, ExportedCase exported)
    {
        string prefix = exported.Plan.Prefix;
        var create = (delegate* unmanaged[Cdecl]<nint>)NativeLibrary.GetExport(library, $"{prefix}_create");
        var setThreads = (delegate* unmanaged[Cdecl]<nint, int, void>)NativeLibrary.GetExport(library, $"{prefix}_set_threads");
        var run = (delegate* unmanaged[Cdecl]<nint, void**, void**, int>)NativeLibrary.GetExport(library, $"{prefix}_run");
        var destroy = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(library, $"{prefix}_destroy");
        nint context = create();
        if (context == 0)
        {
            return Result(exported, CaseStatus.Failed, "create returned NULL");
        }
        try
        {
            // The cases run in parallel already; one thread each avoids oversubscribing the cores.
            setThreads(context, 1);
            var tolerance = Tolerance.ForCase(exported.Directory);
            foreach (string dataSet in exported.DataSets)
            {
                if (RunDataSet(exported, dataSet, context, run, tolerance) is { } difference)
                {
                    return Result(exported, CaseStatus.Failed, $"{Path.GetFileName(dataSet)}: {difference}");
                }
            }
            return Result(exported, CaseStatus.Passed, null);
        }
        finally
        {
            destroy(context);
        }
    }

    private static string? RunDataSet(ExportedCase exported, string dataSet, nint context, delegate* unmanaged[Cdecl]<nint, void**, void**, int> run, Tolerance tolerance)
    {
        var plan = exported.Plan;
        var inputs = new byte[plan.Inputs.Count][];
        for (int i = 0; i < inputs.Length; i++)
        {
            var expected = plan.Inputs[i];
            var tensor = (Tensor)TensorFiles.Read(Path.Combine(dataSet, $"input_{i}.pb"), new TensorType(expected.Type, null))!;
            if (!tensor.Dims.AsSpan().SequenceEqual(expected.Dims.AsSpan()))
            {
                return $"input {i} has shape [{string.Join(",", tensor.Dims)}], the export was for [{string.Join(",", expected.Dims)}]";
            }
            inputs[i] = tensor.Bytes.ToArray();
        }
        var outputs = plan.Outputs.Select(o => new byte[o.Bytes]).ToArray();
        var handles = inputs.Concat(outputs).Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToList();
        try
        {
            var inputPointers = stackalloc void*[Math.Max(1, inputs.Length)];
            var outputPointers = stackalloc void*[Math.Max(1, outputs.Length)];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputPointers[i] = (void*)handles[i].AddrOfPinnedObject();
            }
            for (int i = 0; i < outputs.Length; i++)
            {
                outputPointers[i] = (void*)handles[inputs.Length + i].AddrOfPinnedObject();
            }
            int status = run(context, inputPointers, outputPointers);
            if (status != 0)
            {
                return $"run returned {status}";
            }
        }
        finally
        {
            handles.ForEach(h => h.Free());
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

    private static CaseResult Result(ExportedCase exported, CaseStatus status, string? reason) => new(exported.Folder, exported.Case, status, reason);
}
