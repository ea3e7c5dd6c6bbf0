using Aidge.Core.Graphs;

namespace Aidge.Simulation.Cost.Hls;

/// <summary>One layer of the estimate.</summary>
/// <param name="Units">Operator instances working in parallel (multipliers of a product layer).</param>
/// <param name="Interval">Cycles between two iterations of the layer's pipelined loop (its initiation interval).</param>
/// <param name="FirstOutputCycles">Cycles until the layer's first output (a dataflow design's fill).</param>
public sealed record HlsLayerEstimate(
    string Name,
    string OpType,
    string Arithmetic,
    long Outputs,
    long Terms,
    long Units,
    long Interval,
    long Cycles,
    long FirstOutputCycles,
    long Dsp,
    long WeightBram18k,
    long ActivationBram18k,
    long RegisterBits);

/// <summary>A design's estimate: per layer and totals, at the clock period and on the part of the options.</summary>
public sealed record HlsEstimate(HlsDesignOptions Options, IReadOnlyList<HlsLayerEstimate> Layers, long Cycles, HlsDevice? Device)
{
    public double Seconds => Cycles * Options.ClockPeriodNs * 1e-9;

    public long Dsp => Layers.Sum(l => l.Dsp);

    public long Bram18k => Layers.Sum(l => l.WeightBram18k + l.ActivationBram18k);
}

/// <summary>
/// The resources and latency of the design the HLS target writes, per layer from static shapes, following its pragmas
/// (the HLS writer's policy, hls4ml's ReuseFactor R).
/// <list type="bullet">
/// <item><b>Latency</b> strategy: the innermost reduction loop (L trips: a kernel row, or a product's K) is pipelined
/// at II=1 and unrolled by U = ceil(L/R), the reduction loops around it flattened into the same pipeline, so each of a
/// layer's K terms per output takes K/L × ceil(L/U) iterations, plus the pipeline's depth and its entry. A float sum
/// cannot start an iteration before the U chained adds of the previous one finish (Vitis HLS keeps float adds in
/// source order), so its II is U × the add latency and the scheduler shares one multiplier and one adder over it;
/// integer and fixed sums reach II=1 with U multipliers. Outputs run one after another.</item>
/// <item><b>Resource</b> strategy: the per-output loop is pipelined at II=R with its K-term reduction unrolled inside on
/// ceil(K/R) multipliers; a new output starts every R cycles, the last one finishing after the pipeline's depth.</item>
/// <item>Elementwise and copy layers: one element per cycle.</item>
/// </list>
/// DSP slices are the parallel operators times each one's slices (<see cref="HlsOperationCost.Dsp"/>), plus one
/// instance of each per-output operator. Block RAM: weights unpartitioned under Resource (BIND_STORAGE rom_2p),
/// partitioned cyclically by U under Latency; each tensor's array in the top (IOType parallel), or (IOType stream, where
/// each dataflow process reads its whole input from a FIFO as deep as the tensor before computing) the writer's array
/// and per reader a FIFO and the reader's array. Latency: the AXI copies of the inputs and outputs (one element per
/// cycle) and the layers one after another, a stream process also moving its inputs and outputs through FIFOs (the
/// layers then overlap across inferences, not within one). Seconds are cycles × ClockPeriod.
/// </summary>
public static class HlsCostModel
{
    public static HlsEstimate Estimate(Graph graph, Func<Value, bool> isConstant, HlsDesignOptions options)
    {
        HlsArithmetic Arithmetic(Core.Tensors.DataType type) => HlsArithmetic.Of(type, options.Precision);
        var layers = new List<HlsLayerEstimate>();
        foreach (var (input, i) in graph.RuntimeInputs.Select((v, i) => (v, i)))
        {
            layers.Add(Transfer($"in{i} '{input.Name}'", "AXI read", new HlsArray(WorkloadAnalysis.Elements(input), Arithmetic(input.ElementType).Width), Math.Max(1, input.Consumers.Count), options));
        }
        foreach (var node in graph.Nodes)
        {
            var produced = node.Outputs.OfType<Value>().ToList();
            if (produced.Count > 0 && produced.All(isConstant))
            {
                continue;
            }
            layers.Add(Estimate(HlsLayerWork.Of(node, isConstant, Arithmetic), options));
        }
        foreach (var (output, i) in graph.Outputs.Select((v, i) => (v, i)))
        {
            // The output's array belongs to the layer that writes it; the copy only moves it.
            layers.Add(Transfer($"out{i} '{output.Name}'", "AXI write", new HlsArray(WorkloadAnalysis.Elements(output), 0), 0, options));
        }
        return new HlsEstimate(options, layers, layers.Sum(l => l.Cycles), HlsDevices.Of(options.Part));
    }

    /// <summary>
    /// The top's copy of a graph input or output over AXI, one element per cycle; an input also takes the top's array
    /// (parallel) or a FIFO per reader (stream).
    /// </summary>
    private static HlsLayerEstimate Transfer(string name, string op, HlsArray array, int readers, HlsDesignOptions options)
    {
        long first = 1 + (long)HlsConstants.LoopEntryCycles.Value;
        var storage = array.Width == 0 ? default : HlsStorage.Of(array.Elements, array.Width);
        long copies = options.Streaming ? readers : 1;
        return new HlsLayerEstimate(name, op, "", array.Elements, 1, 1, 1, Math.Max(1, array.Elements) - 1 + first, first, 0, 0,
            storage.Bram18k * copies, storage.RegisterBits * copies);
    }

    /// <summary>One layer.</summary>
    public static HlsLayerEstimate Estimate(HlsLayerWork work, HlsDesignOptions options)
    {
        long reuse = Math.Max(1, options.ReuseFactor);
        long entry = (long)HlsConstants.LoopEntryCycles.Value;
        long outputs = Math.Max(1, work.Outputs);
        long k = work.Terms;
        var arithmetic = work.Arithmetic;
        long afterReduction = work.PerOutput.Sum(p => (long)HlsOperationCost.Latency(p.Operation, p.Arithmetic));
        long units, interval, cycles, first;
        long unroll = 1;
        if (k > 1)
        {
            long lane = work.InnerTrips;
            unroll = ((options.ResourceStrategy ? k : lane) + reuse - 1) / reuse;
            long recurrence = HlsOperationCost.Recurrence(work.Operation, arithmetic);
            long operation = HlsOperationCost.Latency(work.Operation, arithmetic);
            if (options.ResourceStrategy)
            {
                // All K terms of one output in one iteration: chained float adds, or an adder tree.
                long depth = operation + Combine(k, recurrence) + afterReduction;
                interval = reuse;
                units = unroll;
                first = depth + entry;
                cycles = (outputs - 1) * interval + first;
            }
            else
            {
                interval = recurrence > 1 ? unroll * recurrence : 1;
                long iterations = k / lane * ((lane + unroll - 1) / unroll);
                long depth = operation + Combine(unroll, recurrence) + afterReduction;
                units = (unroll + interval - 1) / interval;
                first = (iterations - 1) * interval + depth + entry;
                cycles = outputs * first;
            }
        }
        else
        {
            interval = 1;
            units = 1;
            first = HlsOperationCost.Latency(work.Operation, arithmetic) + afterReduction + entry;
            cycles = outputs - 1 + first;
        }
        double dsp = units * HlsOperationCost.Dsp(work.Operation, arithmetic) + work.PerOutput.Sum(p => HlsOperationCost.Dsp(p.Operation, p.Arithmetic));
        var weights = default(HlsStorage);
        foreach (var array in work.Weights)
        {
            weights += options.ResourceStrategy ? HlsStorage.Of(array.Elements, array.Width) : HlsStorage.Partitioned(array.Elements, array.Width, unroll);
        }
        var activations = default(HlsStorage);
        foreach (var array in work.Activations)
        {
            // Parallel: the top's array. Stream: the writer's array, and per reader a FIFO as deep as the tensor and
            // the reader's array (each process reads its whole input before computing).
            var one = HlsStorage.Of(array.Elements, array.Width);
            long copies = options.Streaming ? 1 + 2L * work.Readers : 1;
            activations += new HlsStorage(one.Bram18k * copies, one.RegisterBits * copies);
        }
        if (options.Streaming)
        {
            // Each process reads its inputs from FIFOs and writes its outputs to them, one element per cycle.
            long moved = work.InputElements + work.Activations.Sum(a => a.Elements) * Math.Max(1, work.Readers);
            cycles += moved + 2 * entry;
        }
        return new HlsLayerEstimate(work.Name, work.OpType, arithmetic.ToString(), work.Outputs, k, units, interval, cycles, first,
            (long)Math.Ceiling(dsp), weights.Bram18k, activations.Bram18k, weights.RegisterBits + activations.RegisterBits);
    }

    /// <summary>
    /// Cycles to combine <paramref name="terms"/> results after the first: a chain when a step has to wait for the last
    /// (float adds, <paramref name="recurrence"/> cycles each), otherwise a tree of one-cycle levels.
    /// </summary>
    private static long Combine(long terms, long recurrence) =>
        terms <= 1 ? 0 : recurrence > 1 ? (terms - 1) * recurrence : (long)Math.Ceiling(Math.Log2(terms));
}
