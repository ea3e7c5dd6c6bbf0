namespace Aidge.Simulation.Report;

/// <summary>
/// Everything report.json and report.html show about one compiled model. The compiler fills what it has: every
/// section but the model's facts, layers and targets is optional (null when its step did not run), so a report can
/// be written by <c>aidgec report</c> without a native build, or before a pipeline step exists.
/// </summary>
public sealed record ModelReport(
    int Format,
    ModelSummary Model,
    GraphSnapshot? GraphBefore,
    GraphSnapshot GraphAfter,
    IReadOnlyList<PassRow>? Passes,
    MemorySection? Memory,
    FidelitySection? Fidelity,
    IReadOnlyList<TargetReport> Targets,
    IReadOnlyList<LayerRow> Layers,
    MeasuredLatency? Measured,
    FpgaSection? Fpga = null)
{
    public const int CurrentFormat = 1;
}

/// <summary>The model's facts: file name, producer, opset, optimization level, node counts, totals.</summary>
public sealed record ModelSummary(
    string File,
    string? Producer,
    int Opset,
    string Optimization,
    int NodesBefore,
    int NodesAfter,
    long Parameters,
    long ParameterBytes,
    long Macs,
    long ActivationBytes,
    IReadOnlyList<TensorSummary> Inputs,
    IReadOnlyList<TensorSummary> Outputs);

/// <summary>A graph input or output: name, element type and shape as text.</summary>
public sealed record TensorSummary(string Name, string Type, string Shape);

/// <summary>One pass as it ran (the pass manager's record, without its time, which differs run to run).</summary>
public sealed record PassRow(string Pass, int NodesBefore, int NodesAfter, int Rewrites, int NodesRemoved, int NodesAdded, long BytesSaved, IReadOnlyList<string> Notes);

/// <summary>The activation memory plan: the arena the planner laid out, the sum of every activation, the lower bound (the most bytes live at one step).</summary>
public sealed record MemorySection(long PlannedPeakBytes, long SumOfActivationsBytes, long LowerBoundBytes, string? Note);

/// <summary>How the optimized (pruned, quantized) model agrees with the original on the samples.</summary>
public sealed record FidelitySection(
    int Samples,
    string Inputs,
    double? Top1Agreement,
    double? SnrDb,
    double? AccuracyOriginal,
    double? AccuracyOptimized,
    string? Note);

/// <summary>A target's totals and its constants with their sources.</summary>
public sealed record TargetReport(string Name, string Description, bool Measured, double Seconds, double Joules, IReadOnlyList<ConstantRow> Constants);

/// <summary>A constant of a target descriptor.</summary>
public sealed record ConstantRow(string Name, double Value, string Source);

/// <summary>One node of the optimized graph with its estimate on each target (in the order of <see cref="ModelReport.Targets"/>).</summary>
public sealed record LayerRow(
    string Name,
    string Op,
    string Class,
    long Macs,
    long Parameters,
    long ActivationBytes,
    IReadOnlyList<LayerCost> Costs);

/// <summary>A node's estimate on one target: latency, energy, what bounds it (compute or memory), the cores it runs on.</summary>
public sealed record LayerCost(double Seconds, double Joules, string Bound, int Threads);

/// <summary>
/// The generated library's latency as timed after the build: median and best of the runs, on how many threads, and
/// the backend it was built for. The build machine's prediction models the OpenMP library only: a CUDA library's
/// time is the GPU's and the copies', an HLS library's the C simulation's.
/// </summary>
public sealed record MeasuredLatency(double MedianSeconds, double BestSeconds, int Runs, int Threads, string Backend)
{
    /// <summary>Whether <see cref="ModelReport.Targets"/>' first row (the build machine) predicts this library.</summary>
    public bool Predicted => Backend == "openmp";
}

/// <summary>
/// The FPGA estimate of an HLS build (<see cref="Cost.Hls.HlsCostModel"/>): the design's options, its totals, the
/// part's capacity when known, every layer, and the constants with their sources.
/// </summary>
public sealed record FpgaSection(
    string Part,
    double ClockPeriodNs,
    int ReuseFactor,
    string Strategy,
    string IOType,
    string Precision,
    long Cycles,
    double Seconds,
    long Dsp,
    long Bram18k,
    double? DeviceDsp,
    double? DeviceBram18k,
    IReadOnlyList<FpgaLayerRow> Layers,
    IReadOnlyList<ConstantRow> Constants,
    string Note,
    FixedPointSection? FixedPoint = null);

/// <summary>
/// A fixed-point HLS design (the Precision metadata): the data format of activations and weights, the accumulator of
/// its multiply-adds, and the worst-case error bound of every output against the simulator run with the weights
/// rounded to the data format.
/// </summary>
public sealed record FixedPointSection(string Precision, string Accumulator, long LongestSum, IReadOnlyList<OutputBound> Bounds, string Note);

/// <summary>The error bound of one graph output of a fixed-point design.</summary>
public sealed record OutputBound(string Output, double Bound);

/// <summary>One layer of the FPGA estimate: its arithmetic, terms per output, parallel operators, initiation interval, cycles, DSP slices, block RAMs and register bits.</summary>
public sealed record FpgaLayerRow(
    string Name,
    string Op,
    string Arithmetic,
    long Terms,
    long Units,
    long Interval,
    long Cycles,
    long Dsp,
    long WeightBram18k,
    long ActivationBram18k,
    long RegisterBits);
