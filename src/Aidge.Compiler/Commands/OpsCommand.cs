using System.CommandLine;
using Aidge.Compiler.Coverage;
using Aidge.Core.Operators;
using Aidge.Compiler.Targets;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Commands;

/// <summary><c>aidgec ops</c>: the operator × backend support matrix, computed from the registries.</summary>
public static class OpsCommand
{
    public static Command Create()
    {
        var command = new Command("ops", "Prints the operator support matrix (Markdown) computed from the operator and kernel registries.");
        command.SetAction(result => Run(result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(TextWriter output)
    {
        foreach (string line in OperatorCoverage.MarkdownTable(OperatorRegistry.Default, KernelRegistry.Default, CompileTargets.Emitters))
        {
            output.WriteLine(line);
        }
        return 0;
    }
}
