using System.CommandLine;
using Aidge.Passes.Pipeline;

namespace Aidge.Compiler.Commands;

/// <summary>
/// <c>aidgec passes [--optimize LEVEL]</c>: the passes each optimization level runs, in order, with what each does, then
/// the passes no level runs (pruning and quantization, which options add). Computed from
/// <see cref="OptimizationLevels"/> and <see cref="PassRegistry"/>, so it cannot drift from what compile runs.
/// </summary>
public static class PassesCommand
{
    public static Command Create()
    {
        var level = new Option<string?>("--optimize") { Description = "Show only this level.", HelpName = "LEVEL" };
        level.AcceptOnlyFromAmong([.. OptimizationLevels.Names]);
        var command = new Command("passes", "Prints the passes of each optimization level, in the order they run, with their descriptions.") { level };
        command.SetAction(result => Run(result.GetValue(level), result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string? onlyLevel, TextWriter output)
    {
        var registry = PassRegistry.Default;
        int width = registry.All.Max(p => p.Name.Length);
        foreach (string level in OptimizationLevels.Names.Where(l => onlyLevel is null || l == onlyLevel))
        {
            var passes = OptimizationLevels.PassesOf(level);
            output.WriteLine(passes.Count == 0 ? $"{level}: no passes" : $"{level}: {passes.Count} passes");
            for (int i = 0; i < passes.Count; i++)
            {
                output.WriteLine($"  {i + 1,2}. {passes[i].PadRight(width)}  {registry.Get(passes[i]).Description}");
            }
        }
        if (onlyLevel is null)
        {
            var inLevels = OptimizationLevels.Names.SelectMany(OptimizationLevels.PassesOf).ToHashSet(StringComparer.Ordinal);
            var others = registry.All.Where(p => !inLevels.Contains(p.Name)).ToList();
            if (others.Count > 0)
            {
                output.WriteLine("Run when options ask for them (--prune, --quantize):");
                foreach (var pass in others)
                {
                    output.WriteLine($"      {pass.Name.PadRight(width)}  {pass.Description}");
                }
            }
        }
        return AidgecCli.Success;
    }
}
