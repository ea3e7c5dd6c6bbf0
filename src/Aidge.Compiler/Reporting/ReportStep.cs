using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Export.C;
using Aidge.Simulation.Cost;
using Aidge.Simulation.Report;
using Aidge.Simulation.Report.Html;

namespace Aidge.Compiler.Reporting;

/// <summary>
/// Writes report.json and report.html into the output folder (only when their bytes changed) for the optimized
/// graph, estimated on the build machine (measured) and the reference targets (and, for an HLS build, the FPGA
/// estimate of its design), and returns the build's one-line summary of the model.
/// </summary>
public static class ReportStep
{
    public const string JsonFile = "report.json";
    public const string HtmlFile = "report.html";

    public static string Write(OutputFolder folder, CompileOptions options, Model model, ReportFacts facts, Func<Value, bool> isConstant, string file, List<Diagnostic> diagnostics)
    {
        var targets = new List<TargetDescriptor> { BuildMachineTarget.Describe(options.CCompiler, options.Optimize, options.Threads, file, diagnostics) };
        targets.AddRange(ReferenceTargets.All);
        string producer = $"{model.ProducerName} {model.ProducerVersion}".Trim();
        var report = ReportBuilder.Build(new ReportInputs(
            file,
            producer.Length == 0 ? null : producer,
            options.Optimize,
            model.Graph,
            facts.Before,
            targets,
            isConstant,
            facts.Passes,
            facts.Memory,
            facts.Fidelity,
            facts.Measured,
            FpgaDesign.For(options),
            facts.FixedPoint));
        folder.WriteIfChanged(JsonFile, ReportJsonWriter.Write(report), file);
        folder.WriteIfChanged(HtmlFile, ReportHtmlWriter.Write(report), file);
        return $"{report.Model.File}: {ReportHtmlWriter.Headline(report)}";
    }
}
