using System.Diagnostics;

namespace Aidge.Benchmarks;

/// <summary>Wall-clock latency of two contenders: warm-up runs first (JIT, caches, allocators), then timed ones.</summary>
internal static class Latency
{
    /// <summary>
    /// The median time of each contender over <paramref name="iterations"/> timed runs, in milliseconds. Runs
    /// alternate between the two so that both see the same machine load, which on a shared machine varies far more
    /// over a benchmark's duration than between neighbouring runs; the median ignores the odd slow run.
    /// </summary>
    public static (double First, double Second) MedianMilliseconds(Action first, Action second, int warmup, int iterations)
    {
        for (int i = 0; i < warmup; i++)
        {
            first();
            second();
        }
        var firstTimes = new double[iterations];
        var secondTimes = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            firstTimes[i] = Time(first);
            secondTimes[i] = Time(second);
        }
        return (Median(firstTimes), Median(secondTimes));
    }

    private static double Time(Action run)
    {
        long start = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(double[] times)
    {
        Array.Sort(times);
        int middle = times.Length / 2;
        return times.Length % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
    }
}
