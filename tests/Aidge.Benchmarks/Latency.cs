using System.Diagnostics;

namespace Aidge.Benchmarks;

/// <summary>Wall-clock latency of repeated runs: warm-up runs first (JIT, caches, allocators), then timed ones.</summary>
internal static class Latency
{
    /// <summary>The median of <paramref name="iterations"/> timed runs, in milliseconds; the median ignores the odd slow run.</summary>
    public static double MedianMilliseconds(Action run, int warmup, int iterations)
    {
        for (int i = 0; i < warmup; i++)
        {
            run();
        }
        var times = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return iterations % 2 == 1 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
    }
}
