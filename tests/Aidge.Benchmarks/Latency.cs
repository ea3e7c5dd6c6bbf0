using System.Diagnostics;

namespace Aidge.Benchmarks;

/// <summary>Wall-clock latency of two contenders: warm-up runs first (JIT, caches, allocators, thread pools), then timed ones.</summary>
internal static class Latency
{
    /// <summary>
    /// A timed sample lasts at least this long: a run of a few microseconds is repeated within one sample, so that
    /// the clock's resolution and the cost of reading it stay small against what is measured.
    /// </summary>
    private const double MinimumSampleMilliseconds = 1.0;

    /// <summary>
    /// The median time of one run of each contender over <paramref name="iterations"/> timed samples, in milliseconds.
    /// Samples alternate between the two so that both see the same machine load, which on a shared machine varies far
    /// more over a benchmark's duration than between neighbouring samples; the median ignores the odd slow sample.
    /// </summary>
    public static (double First, double Second) MedianMilliseconds(Action first, Action second, int warmup, int iterations)
    {
        double firstFastest = double.MaxValue, secondFastest = double.MaxValue;
        for (int i = 0; i < warmup; i++)
        {
            firstFastest = Math.Min(firstFastest, Time(first, 1));
            secondFastest = Math.Min(secondFastest, Time(second, 1));
        }
        int firstRepeats = Repeats(firstFastest), secondRepeats = Repeats(secondFastest);
        var firstTimes = new double[iterations];
        var secondTimes = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            firstTimes[i] = Time(first, firstRepeats);
            secondTimes[i] = Time(second, secondRepeats);
        }
        return (Median(firstTimes), Median(secondTimes));
    }

    private static int Repeats(double runMilliseconds) =>
        (int)Math.Clamp(Math.Ceiling(MinimumSampleMilliseconds / Math.Max(runMilliseconds, 1e-6)), 1, 100_000);

    /// <summary>The mean time of one run over <paramref name="repeats"/> back-to-back runs.</summary>
    private static double Time(Action run, int repeats)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < repeats; i++)
        {
            run();
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / repeats;
    }

    private static double Median(double[] times)
    {
        Array.Sort(times);
        int middle = times.Length / 2;
        return times.Length % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
    }
}
