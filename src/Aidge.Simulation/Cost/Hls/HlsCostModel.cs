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
/// partitioned cyclically by U under Latency; each layer's output array in the top when IOType is parallel (a stream
/// design passes FIFOs, which stay in shift registers). Latency: the layers one after another (parallel), or, as a
/// dataflow pipeline (stream), the slowest layer plus every other layer's time to its first output. Seconds are
/// cycles × ClockPeriod.
/// </summary>
public static class HlsCostModel
{
    public static HlsEstimate Estimate(Graph graph, Func<Value, bool> isConstant, HlsDesignOptions options)
    {
        var outputs = new HashSet<Value>(graph.Outputs);
        var layers = new List<HlsLayerEstimate>();
        foreach (var node in graph.Nodes)
        {
            var produced = node.Outputs.OfType<Value>().ToList();
            if (produced.Count > 0 && produced.All(isConstant))
            {
                continue;
            }
            var work = HlsLayerWork.Of(node, isConstant, type => HlsArithmetic.Of(type, options.Precision));
            bool topArray = node.Outputs.OfType<Value>().Any(v => !outputs.Contains(v));
            layers.Add(Estimate(work, options, topArray));
        }
        long cycles = options.Streaming && layers.Count > 0
            ? layers.Max(l => l.Cycles) + layers.Sum(l => l.FirstOutputCycles) - layers.MaxBy(l => l.Cycles)!.FirstOutputCycles
            : layers.Sum(l => l.Cycles);
        return new HlsEstimate(options, layers, cycles, HlsDevices.Of(options.Part));
    }

    /// <summary>One layer; <paramref name="ownsOutputArray"/>: its output is an array of the top (not a graph output the caller holds).</summary>
    public static HlsLayerEstimate Estimate(HlsLayerWork work, HlsDesignOptions options, bool ownsOutputArray)
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
        if (!options.Streaming && ownsOutputArray)
        {
            foreach (var array in work.Activations)
            {
                activations += HlsStorage.Of(array.Elements, array.Width);
            }
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
