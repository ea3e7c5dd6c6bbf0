using System.Diagnostics;

namespace Aidge.Benchmarks;

/// <summary>Wall-clock latency of two contenders: warm-up runs first (JIT, caches, allocators, thread pools), then timed ones.</summary>
internal static class Latency
{
    /// <summary>
    /// Short runs are timed more often, up to this much time per contender, so that a model of a few microseconds
    /// gets a median over thousands of runs rather than over <c>--iterations</c>.
    /// </summary>
    private const double TimedMillisecondsPerContender = 500;
    private const int MostRuns = 5_000;

    /// <summary>
    /// The contenders take turns in this many rounds of consecutive runs, rather than run by run: both see the same
    /// machine load over the benchmark, yet neither starts its runs while the other's thread pool (ORT's, OpenMP's)
    /// still spins on the cores after its last run.
    /// </summary>
    private const int Rounds = 10;

    /// <summary>
    /// The pause before each contender's round: ONNX Runtime's intra-op pool spins between runs by default, and
    /// without a pause its spinning took a core from the generated library's next runs (ResNet-style at 2 threads:
    /// 42-47 ms instead of 29-31 ms), which no user running one of the two would see.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The median time of one run of each contender, in milliseconds, over at least <paramref name="iterations"/>
    /// runs. Each run is timed on its own (Stopwatch ticks are nanoseconds on Linux), so the median is the typical
    /// run and ignores the ones the OS interrupted. The contenders take turns (see <see cref="Rounds"/>), because on a
    /// shared machine the load varies far more over a benchmark's duration than between neighbouring runs.
    /// </summary>
    public static (double First, double Second) MedianMilliseconds(Action first, Action second, int warmup, int iterations)
    {
        double firstFastest = double.MaxValue, secondFastest = double.MaxValue;
        for (int i = 0; i < warmup; i++)
        {
            firstFastest = Math.Min(firstFastest, Time(first));
            secondFastest = Math.Min(secondFastest, Time(second));
        }
        double slower = Math.Max(Math.Max(firstFastest, secondFastest), 1e-3);
        int runs = (int)Math.Clamp(TimedMillisecondsPerContender / slower, iterations, Math.Max(iterations, MostRuns));
        var firstTimes = new double[runs];
        var secondTimes = new double[runs];
        int perRound = Math.Max(1, runs / Rounds);
        for (int start = 0; start < runs; start += perRound)
        {
            int end = Math.Min(runs, start + perRound);
            Thread.Sleep(Settle);
            for (int i = start; i < end; i++)
            {
                firstTimes[i] = Time(first);
            }
            Thread.Sleep(Settle);
            for (int i = start; i < end; i++)
            {
                secondTimes[i] = Time(second);
            }
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
