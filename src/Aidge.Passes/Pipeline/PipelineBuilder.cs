using Aidge.Passes.Pruning;

namespace Aidge.Passes.Pipeline;

/// <summary>The passes one compilation runs: the level's, then pruning and quantization when the user asked for them.</summary>
public static class PipelineBuilder
{
    public const string UnstructuredPruning = "prune-magnitude";
    public const string ChannelPruning = "prune-channels";
    public const string Int8Quantization = "quantize-int8";

    public static IReadOnlyList<string> PassNames(string level, PassContext context)
    {
        var names = new List<string>(OptimizationLevels.PassesOf(level));
        if (context.Pruning is { } pruning)
        {
            names.Add(pruning.Mode == PruneMode.Channel ? ChannelPruning : UnstructuredPruning);
        }
        if (context.Quantization is not null)
        {
            names.Add(Int8Quantization);
        }
        return names;
    }

    public static IReadOnlyList<IPass> Build(string level, PassContext context, PassRegistry? registry = null) =>
        PassNames(level, context).Select((registry ?? PassRegistry.Default).Get).ToList();
}
