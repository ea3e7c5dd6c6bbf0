namespace Aidge.Simulation.Cost;

/// <summary>The estimate for one node on one target.</summary>
/// <param name="Seconds">Latency: max(compute, memory) + overheads.</param>
/// <param name="ComputeSeconds">Operations over the rate its class reaches on its cores.</param>
/// <param name="MemorySeconds">Bytes moved over the memory bandwidth.</param>
/// <param name="Threads">Cores the node runs on.</param>
/// <param name="Joules">Multiply-adds times the energy per MAC plus bytes moved times the energy per byte.</param>
public sealed record NodeCost(double Seconds, double ComputeSeconds, double MemorySeconds, int Threads, double Joules)
{
    /// <summary>Whether the arithmetic, not the memory traffic, bounds the node.</summary>
    public bool ComputeBound => ComputeSeconds >= MemorySeconds;
}

/// <summary>A model's estimate on one target: per node (in graph order) and totals (nodes run one after another).</summary>
public sealed record CostEstimate(TargetDescriptor Target, IReadOnlyList<NodeCost> Nodes)
{
    public double Seconds => Nodes.Sum(n => n.Seconds);

    public double Joules => Nodes.Sum(n => n.Joules);
}

/// <summary>
/// A roofline per node: <c>latency = max(operations / (peak × efficiency of the class × cores), bytes / bandwidth) +
/// overhead</c>, with the cache's bandwidth for a node whose bytes fit the cache and DRAM's otherwise, where the peak is the float32 or the int8 one by the node's element type, the cores are those the
/// node runs on (all, or as many as <see cref="TargetDescriptor.ParallelGrain"/> allows, bounded by the effective
/// speed-up), and the overhead is the node's own plus the fork of a team when it uses more than one core. Energy is
/// <c>MACs × e_mac + bytes × e_byte</c>: the two terms that dominate inference on every target. Operations that are
/// not multiply-adds (window reads, elementwise work) count in time but not in energy: they are a small part of it.
/// </summary>
public static class CostModel
{
    public static CostEstimate Estimate(IReadOnlyList<NodeWorkload> workloads, TargetDescriptor target) =>
        new(target, workloads.Select(w => Estimate(w, target)).ToList());

    public static NodeCost Estimate(NodeWorkload work, TargetDescriptor target)
    {
        int threads = Threads(work, target);
        double speedup = threads == 1 ? 1 : Math.Min(threads, Math.Max(1, target.EffectiveCores.Value));
        double peak = work.Integer ? target.Int8OpsPerCore.Value : target.PeakFp32FlopsPerCore.Value;
        double efficiency = target.Efficiency.Of(work.Class, work.Reduction, work.Rows);
        double compute = work.Flops > 0 && efficiency > 0 ? work.Flops / (peak * efficiency * speedup) : 0;
        // The tensors a node passes to the next stay in the cache when they fit: a small node never waits for DRAM.
        double bandwidth = work.BytesMoved <= target.CacheBytes.Value ? target.CacheBandwidth.Value : target.MemoryBandwidth.Value;
        double memory = work.BytesMoved / bandwidth;
        double overhead = target.NodeOverhead.Value + (threads > 1 ? target.ForkOverhead.Value : 0);
        double picojoules = work.Macs * (work.Integer ? target.EnergyPerInt8Mac.Value : target.EnergyPerFp32Mac.Value)
            + work.BytesMoved * target.EnergyPerDramByte.Value;
        return new NodeCost(Math.Max(compute, memory) + overhead, compute, memory, threads, picojoules * 1e-12);
    }

    /// <summary>
    /// The cores a node runs on: all of them, or with a parallel grain as the generated OpenMP code decides: one per
    /// grain of work, none shared below two grains.
    /// </summary>
    public static int Threads(NodeWorkload work, TargetDescriptor target)
    {
        int cores = Math.Max(1, (int)target.Cores.Value);
        if (target.ParallelGrain is not { Value: > 0 } grain)
        {
            return cores;
        }
        long shares = work.Work / (long)grain.Value;
        return shares < 2 ? 1 : (int)Math.Min(cores, shares);
    }
}
