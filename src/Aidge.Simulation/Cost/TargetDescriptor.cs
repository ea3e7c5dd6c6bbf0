namespace Aidge.Simulation.Cost;

/// <summary>
/// What the cost model knows about a target, every constant with its source. Rates are per core (a GPU's streaming
/// multiprocessor, an FPGA design's compute array); one multiply-add is two operations in both peaks, as datasheets
/// count TOPS. Energies are picojoules.
/// </summary>
/// <param name="Name">A short name for tables ("this machine", "Raspberry Pi 4").</param>
/// <param name="Description">What the target is (CPU model, board, part).</param>
/// <param name="Cores">Cores the generated code may use.</param>
/// <param name="EffectiveCores">The speed-up of all cores over one on compute-bound work (below <see cref="Cores"/> on a loaded machine or with shared FMA units).</param>
/// <param name="PeakFp32FlopsPerCore">float32 FLOP/s of one core.</param>
/// <param name="Int8OpsPerCore">int8 operations per second of one core.</param>
/// <param name="MemoryBandwidth">DRAM bytes per second, all cores.</param>
/// <param name="CacheBytes">The largest cache (or on-chip memory): a node whose bytes fit moves them at <paramref name="CacheBandwidth"/>.</param>
/// <param name="CacheBandwidth">Bytes per second to and from that cache.</param>
/// <param name="NodeOverhead">Seconds every node pays besides its work (a kernel call, a launch).</param>
/// <param name="ForkOverhead">Seconds a node that runs on more than one core pays to start and join them.</param>
/// <param name="ParallelGrain">Work per thread below which a node stays on one core (the generated OpenMP code's rule); null: every node uses every core.</param>
/// <param name="EnergyPerFp32Mac">pJ per float32 multiply-add.</param>
/// <param name="EnergyPerInt8Mac">pJ per int8 multiply-add.</param>
/// <param name="EnergyPerDramByte">pJ per byte moved to or from DRAM.</param>
/// <param name="Efficiency">The fraction of peak each kernel class reaches.</param>
/// <param name="Measured">Whether the descriptor comes from measurements on this machine.</param>
public sealed record TargetDescriptor(
    string Name,
    string Description,
    Sourced Cores,
    Sourced EffectiveCores,
    Sourced PeakFp32FlopsPerCore,
    Sourced Int8OpsPerCore,
    Sourced MemoryBandwidth,
    Sourced CacheBytes,
    Sourced CacheBandwidth,
    Sourced NodeOverhead,
    Sourced ForkOverhead,
    Sourced? ParallelGrain,
    Sourced EnergyPerFp32Mac,
    Sourced EnergyPerInt8Mac,
    Sourced EnergyPerDramByte,
    ClassEfficiency Efficiency,
    bool Measured)
{
    /// <summary>Every constant with its name, in a stable order, for reports.</summary>
    public IEnumerable<(string Name, Sourced Value)> Constants()
    {
        yield return ("cores", Cores);
        yield return ("effectiveCores", EffectiveCores);
        yield return ("peakFp32FlopsPerCore", PeakFp32FlopsPerCore);
        yield return ("int8OpsPerCore", Int8OpsPerCore);
        yield return ("memoryBandwidth", MemoryBandwidth);
        yield return ("cacheBytes", CacheBytes);
        yield return ("cacheBandwidth", CacheBandwidth);
        yield return ("nodeOverheadSeconds", NodeOverhead);
        yield return ("forkOverheadSeconds", ForkOverhead);
        if (ParallelGrain is not null)
        {
            yield return ("parallelGrain", ParallelGrain);
        }
        yield return ("energyPerFp32MacPj", EnergyPerFp32Mac);
        yield return ("energyPerInt8MacPj", EnergyPerInt8Mac);
        yield return ("energyPerDramBytePj", EnergyPerDramByte);
        foreach (var constant in Efficiency.Constants())
        {
            yield return constant;
        }
    }
}
