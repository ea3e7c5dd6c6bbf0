using System.Diagnostics;
using System.Runtime.InteropServices;
using Aidge.Export.Plan;
using Aidge.Simulation.Report;

namespace Aidge.Compiler.Verification;

/// <summary>
/// Times the library just built, for the report's measured latency beside the predicted one: a few warm-up runs
/// (first-touch of the arena, OpenMP's thread pool), then runs on seeded random inputs until <see cref="Budget"/> is
/// spent or <see cref="MostRuns"/> are done; the median is the figure (robust to the odd preempted run on a busy
/// machine), the best is shown too.
/// </summary>
public static unsafe class NativeTiming
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    public const int WarmupRuns = 5;
    public const int MostRuns = 2000;
    public const int FewestRuns = 5;

    /// <summary>The latency, or null when the library cannot be run (the build-time check reports why).</summary>
    public static MeasuredLatency? Measure(string libraryPath, LibraryAbi plan, int threads, string backend)
    {
        var inputs = RandomInputs.For(plan.Inputs).Select(t => t.Bytes.ToArray()).ToList();
        var outputs = plan.Outputs.Select(o => new byte[o.Bytes]).ToList();
        // Pinned once, so the timed calls are the library's work alone.
        var handles = inputs.Concat(outputs).Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToList();
        try
        {
            var pointers = stackalloc void*[Math.Max(1, handles.Count)];
            for (int i = 0; i < handles.Count; i++)
            {
                pointers[i] = (void*)handles[i].AddrOfPinnedObject();
            }
            using var model = NativeModel.Open(libraryPath, plan.Prefix);
            model.SetThreads(threads);
            for (int i = 0; i < WarmupRuns; i++)
            {
                if (model.Run(pointers, pointers + inputs.Count) != 0)
                {
                    return null;
                }
            }
            var times = new List<double>();
            var budget = Stopwatch.StartNew();
            while (times.Count < FewestRuns || (times.Count < MostRuns && budget.Elapsed < Budget))
            {
                long start = Stopwatch.GetTimestamp();
                model.Run(pointers, pointers + inputs.Count);
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
            times.Sort();
            return new MeasuredLatency(times[times.Count / 2], times[0], times.Count, threads > 0 ? threads : Environment.ProcessorCount, backend);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            handles.ForEach(h => h.Free());
        }
    }
}
