using Aidge.Core.Graphs;
using Aidge.Core.Operators.Movement;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Folds an explicit constant-mode Pad of the spatial dims into the pads of the Conv, AveragePool or MaxPool that reads
/// it, where the operator's own padding means the same thing: zeros for Conv; zeros counted in the average for
/// AveragePool (count_include_pad = 1 only); for MaxPool, padding that can never win, i.e. −∞, or a value no input
/// is below (0 after a Relu) when every window still holds a real element. Pad-2 (attributes) and Pad-11+ (inputs,
/// with axes from 18) are read alike; negative pads (crops), other modes, and padding of batch or channels stay.
/// </summary>
public sealed class FoldPad : IPass
{
    public string Name => "fold-pad";

    public string Description => "Folds a constant Pad of the spatial dims into the pads of the following Conv, AveragePool or MaxPool.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var rewriter = new GraphRewriter(graph);
        foreach (var pad in rewriter.Anchors("Pad"))
        {
            if (rewriter.SoleConsumer(pad.Output(0)) is not { } consumer
                || consumer.Input(0) != pad.Output(0)
                || !GraphEdits.IsOnnx(consumer)
                || PaddingOf(pad, context) is not { } padding
                || MergedPads(consumer, padding, rewriter, context) is not { } pads)
            {
                continue;
            }
            var input = pad.Input(0);
            rewriter.Replace([pad], () =>
            {
                consumer.SetInput(0, input);
                consumer.SetAttribute(NodeAttribute.Of("pads", pads));
                // VALID meant no padding, which the explicit pads now replace; NOTSET is the default.
                consumer.RemoveAttribute("auto_pad");
            });
            rewriter.Rewrote($"Pad '{pad.DisplayName}' folded into {consumer.OpType} '{consumer.DisplayName}'");
        }
        return rewriter.Finish();
    }

    /// <summary>What a constant-mode Pad adds: per-axis pads [begin..., end...] (never negative) and the fill value.</summary>
    private sealed record Padding(long[] Pads, double Value, Value Input)
    {
        public int Rank => Pads.Length / 2;
    }

    private static Padding? PaddingOf(Node pad, PassContext context)
    {
        int opset = pad.Graph.OnnxOpset;
        if (pad.GetString("mode", "constant") != "constant" || pad.Input(0) is not { } input)
        {
            return null;
        }
        long[]? Ints(int index) => pad.Input(index) is { } v ? context.ConstantOf(v)?.ToInt64Array() : null;
        var given = PadFamily.GivenPads(opset, pad, Ints);
        bool hasAxes = opset >= 18 && pad.Input(3) is not null;
        var axes = hasAxes ? Ints(3) : null;
        int? rank = input.Shape?.Rank ?? (hasAxes ? null : given?.Length / 2);
        double? value = opset < 11 ? pad.GetFloat("value", 0f) : pad.Input(2) is null ? 0 : Patterns.ScalarOf(context, pad.Input(2));
        if (given is null || (hasAxes && axes is null) || rank is not int r || value is not double fill)
        {
            return null;
        }
        long[] pads;
        try
        {
            pads = PadFamily.PerAxis(given, axes, r);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return pads.All(p => p >= 0) ? new Padding(pads, fill, input) : null;
    }

    /// <summary>
    /// The consumer's pads plus the Pad's spatial ones, when the consumer's padding means the same as the Pad's:
    /// explicit pads (auto_pad NOTSET or VALID), no padding of batch or channels, floor-mode pooling.
    /// </summary>
    private static long[]? MergedPads(Node consumer, Padding padding, GraphRewriter rewriter, PassContext context)
    {
        int rank = padding.Rank;
        int spatial = rank - 2;
        var p = padding.Pads;
        if (spatial < 1 || p[0] != 0 || p[1] != 0 || p[rank] != 0 || p[rank + 1] != 0
            || consumer.GetString("auto_pad", "NOTSET") is not ("NOTSET" or "VALID")
            || consumer.GetInt("ceil_mode", 0) != 0
            || !PaddingMeansTheSame(consumer, padding, rewriter, context))
        {
            return null;
        }
        bool valid = consumer.GetString("auto_pad", "NOTSET") == "VALID";
        var own = !valid && consumer.GetInts("pads") is { } given ? given : new long[2 * spatial];
        if (own.Length != 2 * spatial)
        {
            return null;
        }
        var merged = new long[2 * spatial];
        for (int i = 0; i < spatial; i++)
        {
            merged[i] = own[i] + p[2 + i];
            merged[spatial + i] = own[spatial + i] + p[rank + 2 + i];
        }
        return consumer.OpType == "MaxPool" && !double.IsNegativeInfinity(padding.Value) && !EveryWindowHoldsData(consumer, merged) ? null : merged;
    }

    private static bool PaddingMeansTheSame(Node consumer, Padding padding, GraphRewriter rewriter, PassContext context) => consumer.OpType switch
    {
        "Conv" => padding.Value == 0,
        "AveragePool" => padding.Value == 0 && consumer.GetInt("count_include_pad", 0) == 1,
        // MaxPool's padding never wins; a fill value at or below every input never wins either, and the second output
        // (indices into the padded tensor) would change meaning.
        "MaxPool" => rewriter.IsUnread(consumer.Output(1))
            && (double.IsNegativeInfinity(padding.Value) || LowerBound(padding.Input, context) is double bound && padding.Value <= bound),
        _ => false,
    };

    /// <summary>
    /// With unit dilation a window of k elements is all padding only when a side's padding reaches k; below that, the
    /// max over the window is the max over its real elements whatever the fill value, as long as the value never wins.
    /// </summary>
    private static bool EveryWindowHoldsData(Node pool, long[] pads)
    {
        var kernel = pool.GetInts("kernel_shape");
        int spatial = pads.Length / 2;
        if (kernel is null || kernel.Length != spatial || (pool.GetInts("dilations") is { } dilations && dilations.Any(d => d != 1)))
        {
            return false;
        }
        return Enumerable.Range(0, spatial).All(i => pads[i] < kernel[i] && pads[spatial + i] < kernel[i]);
    }

    /// <summary>A value no element of <paramref name="value"/> is below, when its producer guarantees one.</summary>
    private static double? LowerBound(Value value, PassContext context) => value.Producer switch
    {
        { OpType: "Relu" or "Sigmoid" or "Softmax" or "Exp" or "Abs" } producer when GraphEdits.IsOnnx(producer) => 0,
        { OpType: "Clip" } clip when GraphEdits.IsOnnx(clip) => clip.Graph.OnnxOpset < 11
            ? clip.FindAttribute("min")?.AsFloat()
            : Patterns.ScalarOf(context, clip.Input(1)),
        _ => null,
    };
}
