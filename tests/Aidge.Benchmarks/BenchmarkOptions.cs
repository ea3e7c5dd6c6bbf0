using System.Globalization;

namespace Aidge.Benchmarks;

/// <summary>Command line: --iterations N (timed runs), --warmup N (untimed runs first), --blocks N (residual blocks).</summary>
internal sealed record BenchmarkOptions(int Iterations, int Warmup, int Blocks)
{
    public static BenchmarkOptions Default { get; } = new(Iterations: 20, Warmup: 3, Blocks: 5);

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = Default;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                throw new ArgumentException($"{name} needs a positive whole number after it.");
            }
            options = name switch
            {
                "--iterations" => options with { Iterations = value },
                "--warmup" => options with { Warmup = value },
                "--blocks" => options with { Blocks = value },
                _ => throw new ArgumentException($"Unknown option '{name}'. Options: --iterations N, --warmup N, --blocks N."),
            };
            i++;
        }
        return options;
    }
}
