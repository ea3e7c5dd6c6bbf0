using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.ControlFlow;

/// <summary>
/// Scan-9 and later: iterates the body over slices of the scan inputs (each along its own axis and direction),
/// carrying N states, and stacks the K per-iteration scan outputs along their own axes and directions.
/// </summary>
[Kernel("Scan", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class ScanKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var body = context.Node.GetGraph("body")!;
        int scanInputs = (int)context.GetInt("num_scan_inputs");
        int states = context.InputCount - scanInputs;
        int scanOutputs = body.Outputs.Count - states;
        var inputAxes = context.GetInts("scan_input_axes") ?? new long[scanInputs];
        var inputDirections = context.GetInts("scan_input_directions") ?? new long[scanInputs];
        var outputAxes = context.GetInts("scan_output_axes") ?? new long[scanOutputs];
        var outputDirections = context.GetInts("scan_output_directions") ?? new long[scanOutputs];

        var scanned = new ScannedInput[scanInputs];
        for (int j = 0; j < scanInputs; j++)
        {
            var input = context.Input(states + j);
            scanned[j] = new ScannedInput(input, ShapeMath.NormalizeAxis(inputAxes[j], input.Rank), inputDirections[j] == 1);
        }
        long length = ScannedInput.CommonLength(scanned);
        var initial = Enumerable.Range(0, states).Select(context.InputValue).ToArray();
        var (final, scans) = ScanBody.Run(context, body, initial, scanned, length);
        for (int i = 0; i < context.OutputCount; i++)
        {
            if (context.HasOutput(i))
            {
                int k = i - states;
                context.SetOutputValue(i, i < states ? final[i] : scans.Build(k, (int)outputAxes[k], outputDirections[k] == 1, context.Node.Output(i)));
            }
        }
    }
}

/// <summary>
/// Scan-8: the same iteration per batch entry. Axis 0 of every input is the batch and axis 1 the sequence;
/// sequence_lens (input 0) may shorten entries, whose scan outputs are then padded with zeros.
/// </summary>
[Kernel("Scan", SinceVersion = 8, LastVersion = 8, WidenHalfPrecision = false)]
public sealed class BatchedScanKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var body = context.Node.GetGraph("body")!;
        int scanInputs = (int)context.GetInt("num_scan_inputs");
        int states = context.InputCount - 1 - scanInputs;
        var directions = context.GetInts("directions") ?? new long[scanInputs];
        var lengths = context.OptionalInput(0);
        var first = context.Input(1 + states);
        long batch = first.Dims[0];
        long maxLength = first.Dims[1];

        var finalStates = new List<Tensor>[states];
        var scanResults = new List<Tensor>[body.Outputs.Count - states];
        InitLists(finalStates);
        InitLists(scanResults);
        for (long b = 0; b < batch; b++)
        {
            long length = lengths is null ? maxLength : lengths.GetInt64((int)b);
            var initial = Enumerable.Range(0, states).Select(i => (object?)TensorAxis.Take(context.Input(1 + i), 0, b)).ToArray();
            var scanned = new ScannedInput[scanInputs];
            for (int j = 0; j < scanInputs; j++)
            {
                var entry = TensorAxis.Take(context.Input(1 + states + j), 0, b);
                scanned[j] = new ScannedInput(TensorAxis.Slice(entry, 0, 0, length), 0, directions[j] == 1);
            }
            var (final, scans) = ScanBody.Run(context, body, initial, scanned, length);
            for (int i = 0; i < states; i++)
            {
                finalStates[i].Add(final[i] as Tensor ?? throw new ArgumentException("Scan-8 states must be tensors."));
            }
            for (int k = 0; k < scanResults.Length; k++)
            {
                scanResults[k].Add(PadToLength(scans.Build(k, 0, reverse: false, null), maxLength));
            }
        }
        for (int i = 0; i < context.OutputCount; i++)
        {
            if (context.HasOutput(i))
            {
                var perBatch = i < states ? finalStates[i] : scanResults[i - states];
                context.SetOutput(i, TensorAxis.Stack(perBatch, 0));
            }
        }
    }

    private static void InitLists(List<Tensor>[] lists)
    {
        for (int i = 0; i < lists.Length; i++)
        {
            lists[i] = new List<Tensor>();
        }
    }

    private static Tensor PadToLength(Tensor stacked, long length)
    {
        if (stacked.Dims[0] == length)
        {
            return stacked;
        }
        var padding = Tensor.Create(stacked.Type, TensorAxis.WithInserted(stacked.Dims[1..], 0, length - stacked.Dims[0]));
        return TensorAxis.Concat(new[] { stacked, padding }, 0);
    }
}

/// <summary>One scan input: the tensor, the axis it is scanned along and whether it is scanned backwards.</summary>
internal readonly record struct ScannedInput(Tensor Tensor, int Axis, bool Reverse)
{
    public long Length => Tensor.Dims[Axis];

    /// <summary>The element at iteration t.</summary>
    public Tensor At(long t) => TensorAxis.Take(Tensor, Axis, Reverse ? Length - 1 - t : t);

    public static long CommonLength(IReadOnlyList<ScannedInput> inputs)
    {
        long length = inputs.Count > 0 ? inputs[0].Length : 0;
        if (inputs.Any(i => i.Length != length))
        {
            throw new ArgumentException("Every scan input must have the same length along its scan axis.");
        }
        return length;
    }
}

/// <summary>The iteration both Scan versions share: states in, states out, scan elements collected.</summary>
internal static class ScanBody
{
    public static (object?[] States, ScanOutputs Scans) Run(KernelContext context, Graph body, object?[] states, IReadOnlyList<ScannedInput> scanned, long length)
    {
        var scans = new ScanOutputs(body.Outputs.Count - states.Length);
        var inputs = new object?[states.Length + scanned.Count];
        for (long t = 0; t < length; t++)
        {
            states.CopyTo(inputs, 0);
            for (int j = 0; j < scanned.Count; j++)
            {
                inputs[states.Length + j] = scanned[j].At(t);
            }
            var results = context.RunSubgraph(body, inputs);
            Array.Copy(results, states, states.Length);
            for (int k = 0; k < results.Length - states.Length; k++)
            {
                scans.Add(k, results[states.Length + k]);
            }
        }
        return (states, scans);
    }
}
