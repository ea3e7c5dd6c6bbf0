using System.Text.RegularExpressions;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Text;

/// <summary>
/// RegexFullMatch: .NET regular expressions agree with RE2 on the syntax models use (classes, quantifiers,
/// anchors, \b, groups). The pattern is anchored as a whole, and a match time limit keeps a hostile pattern from
/// hanging the simulator (RE2 is linear-time; backtracking engines are not).
/// </summary>
[Kernel("RegexFullMatch", SinceVersion = 20)]
public sealed class RegexFullMatchKernel : IKernel
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        string pattern = context.GetString("pattern");
        Regex regex;
        try
        {
            regex = new Regex($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"RegexFullMatch pattern '{pattern}' is not valid: {e.Message}", e);
        }
        var result = Tensor.Create(DataType.Bool, (long[])input.Dims.Clone());
        var matches = result.Span<bool>();
        var strings = input.Strings;
        for (int i = 0; i < strings.Length; i++)
        {
            matches[i] = regex.IsMatch(strings[i]);
        }
        context.SetOutput(0, result);
    }
}
