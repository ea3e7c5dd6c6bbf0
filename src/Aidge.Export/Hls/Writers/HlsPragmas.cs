using Aidge.Export.Hls.Model;

namespace Aidge.Export.Hls.Writers;

/// <summary>
/// The pragma policy: where PIPELINE, UNROLL, ARRAY_PARTITION and BIND_STORAGE go, from the loops' roles and the
/// options (hls4ml's semantics of ReuseFactor R: each multiplier serves R multiplications, so a layer summing K terms
/// per output uses about K/R multipliers per output lane).
/// <list type="bullet">
/// <item><b>Latency</b>: the innermost reduction loop is pipelined at II=1 and unrolled by <c>ceil(trips/R)</c>, so R
/// cycles (not one per term) feed each partial sum; weights are partitioned cyclically by that factor so every unrolled
/// term reads its own bank in the same cycle. A per-output loop without reduction (elementwise) is pipelined at II=1.</item>
/// <item><b>Resource</b>: the per-output loop is pipelined at II=R (its reduction loops unrolled inside it, their K terms
/// shared over R cycles); weights stay in block RAM (BIND_STORAGE rom_2p), unpartitioned.</item>
/// </list>
/// Outer loops carry nothing: the pipeline inside them is what the tools schedule.
/// </summary>
public static class HlsPragmas
{
    /// <summary>The pragmas written as the first lines of a loop's body.</summary>
    public static IEnumerable<string> ForLoop(HlsLoop loop, bool innermost, long termsPerOutput, HlsOptions options)
    {
        int reuse = options.ReuseFactor;
        switch (loop.Role, options.Strategy)
        {
            case (HlsLoopRole.PerOutput, HlsStrategy.Latency) when termsPerOutput <= 1:
            case (HlsLoopRole.PerOutput, HlsStrategy.Resource) when termsPerOutput <= 1:
                yield return "#pragma HLS PIPELINE II=1";
                break;
            case (HlsLoopRole.PerOutput, HlsStrategy.Resource):
                yield return $"#pragma HLS PIPELINE II={reuse}";
                break;
            case (HlsLoopRole.Reduction, HlsStrategy.Latency) when innermost:
                yield return "#pragma HLS PIPELINE II=1";
                if (UnrollFactor(loop.Trips, reuse) is > 1 and var factor)
                {
                    yield return $"#pragma HLS UNROLL factor={factor}";
                }
                break;
        }
    }

    /// <summary>The pragmas on a weights parameter of a layer whose innermost reduction loops unroll by <paramref name="unroll"/>.</summary>
    public static IEnumerable<string> ForWeights(string parameter, long unroll, HlsOptions options)
    {
        if (options.Strategy == HlsStrategy.Resource)
        {
            yield return $"#pragma HLS BIND_STORAGE variable={parameter} type=rom_2p impl=bram";
        }
        else if (unroll > 1)
        {
            yield return $"#pragma HLS ARRAY_PARTITION variable={parameter} cyclic factor={unroll} dim=1";
        }
    }

    /// <summary>How many terms of a reduction loop run in parallel: its trips shared over R cycles.</summary>
    public static long UnrollFactor(long trips, int reuse) => Math.Max(1, (trips + reuse - 1) / reuse);
}
