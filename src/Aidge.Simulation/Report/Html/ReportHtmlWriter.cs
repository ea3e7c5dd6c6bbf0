using System.Globalization;
using System.Text;

namespace Aidge.Simulation.Report.Html;

/// <summary>
/// Writes report.html: one self-contained page (inline CSS, inline SVG, one inline script that checks the pictures
/// drew; no network access) with the summary, cost per target with every constant's source, the FPGA estimate of an HLS build, the graph before and
/// after the passes, the per-layer table and bar charts, the passes, the memory plan and the fidelity. Equal reports
/// give equal bytes. Graphs of more than <see cref="OpenGraphNodes"/> nodes start collapsed; every picture scrolls.
/// </summary>
public static class ReportHtmlWriter
{
    public const int OpenGraphNodes = 60;

    public static byte[] Write(ModelReport report) => Encoding.UTF8.GetBytes(Page(report));

    /// <summary>The summary of the model in one line (the build prints the same facts).</summary>
    public static string Headline(ModelReport report)
    {
        var m = report.Model;
        var text = new StringBuilder($"{m.Optimization} {m.NodesBefore} → {m.NodesAfter} nodes, {Units.Count(m.Parameters)} parameters ({Units.Bytes(m.ParameterBytes)}), {Units.Count(m.Macs)} MACs");
        if (report.Memory is { } memory)
        {
            text.Append($", peak {Units.Bytes(memory.PlannedPeakBytes)}");
        }
        if (report.Targets.Count > 0)
        {
            text.Append($", ~{Units.Seconds(report.Targets[0].Seconds)} predicted");
            var measured = report.Measured;
            string timed = measured is null ? "" : $"{Units.Seconds(measured.MedianSeconds)} measured (best {Units.Seconds(measured.BestSeconds)})";
            text.Append(measured is { Predicted: true } ? $" / {timed}" : "");
            text.Append($" on {report.Targets[0].Name}");
            // Another backend's library is not what the build machine's row predicts: its time stands on its own.
            text.Append(measured is { Predicted: false } ? $"; the {measured.Backend} library: {timed}" : "");
        }
        return text.ToString();
    }

    private static string Page(ModelReport report)
    {
        var html = new StringBuilder();
        string title = $"Aidge report: {report.Model.File}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{Markup.Text(title)}</title>\n<style>\n{ReportStyle.Css}\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>{Markup.Text(title)}</h1>\n<p class=\"summary\">{Markup.Text(Headline(report))}</p>\n");
        Model(html, report.Model);
        Targets(html, report);
        if (report.Fpga is { } fpga)
        {
            FpgaHtml.Write(html, fpga);
        }
        Graphs(html, report);
        Layers(html, report);
        Charts(html, report);
        Passes(html, report.Passes);
        Memory(html, report.Memory, report.Model.ActivationBytes);
        Fidelity(html, report.Fidelity);
        html.Append($"<script>\n{ReportStyle.CheckScript}\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Model(StringBuilder html, ModelSummary m)
    {
        html.Append("<h2>Model</h2>\n<table>\n");
        Row(html, "file", m.File);
        Row(html, "producer", m.Producer ?? "(none)");
        Row(html, "opset", m.Opset.ToString(CultureInfo.InvariantCulture));
        Row(html, "optimization", $"{m.Optimization}: {m.NodesBefore} → {m.NodesAfter} nodes");
        Row(html, "parameters", $"{Units.Count(m.Parameters)} ({Units.Bytes(m.ParameterBytes)})");
        Row(html, "multiply-adds", Units.Count(m.Macs));
        Row(html, "activations (sum)", Units.Bytes(m.ActivationBytes));
        foreach (var input in m.Inputs)
        {
            Row(html, "input", $"{input.Name}: {input.Type} {input.Shape}");
        }
        foreach (var output in m.Outputs)
        {
            Row(html, "output", $"{output.Name}: {output.Type} {output.Shape}");
        }
        html.Append("</table>\n");
    }

    private static void Targets(StringBuilder html, ModelReport report)
    {
        html.Append("<h2>Estimated latency and energy per target</h2>\n");
        html.Append("<p class=\"note\">Per node: latency = max(operations / (peak × efficiency of its kernel class × cores), bytes / bandwidth) + overhead; energy = MACs × energy per MAC + bytes × energy per byte. Nodes run one after another.</p>\n");
        html.Append("<table>\n<tr><th>target</th><th class=\"num\">latency</th><th class=\"num\">energy</th><th>descriptor</th></tr>\n");
        foreach (var target in report.Targets)
        {
            html.Append($"<tr><td>{Markup.Text(target.Name)}</td><td class=\"num\">{Units.Seconds(target.Seconds)}</td><td class=\"num\">{Units.Joules(target.Joules)}</td>");
            html.Append($"<td>{Markup.Text(target.Description)}{(target.Measured ? " (measured)" : "")}</td></tr>\n");
        }
        if (report.Measured is { } measured && report.Targets.Count > 0)
        {
            string library = measured.Predicted ? Markup.Text(report.Targets[0].Name) : $"the {Markup.Text(measured.Backend)} library";
            html.Append($"<tr><td>{library}, measured</td><td class=\"num\">{Units.Seconds(measured.MedianSeconds)}</td><td></td>");
            string comparison = measured.Predicted
                ? $"predicted / best = {(report.Targets[0].Seconds / measured.BestSeconds).ToString("0.00", CultureInfo.InvariantCulture)} (the prediction is for cores the library has to itself, as the best run; the median also carries the machine's load)"
                : "not what the build machine's row above predicts (that models the OpenMP library)";
            html.Append($"<td>the generated {Markup.Text(measured.Backend)} library: median of {measured.Runs} runs (best {Units.Seconds(measured.BestSeconds)}), {measured.Threads} threads; {comparison}</td></tr>\n");
        }
        html.Append("</table>\n");
        foreach (var target in report.Targets)
        {
            html.Append($"<details><summary>Constants of {Markup.Text(target.Name)}</summary>\n<table>\n<tr><th>constant</th><th class=\"num\">value</th><th>source</th></tr>\n");
            foreach (var constant in target.Constants)
            {
                html.Append($"<tr><td>{Markup.Text(constant.Name)}</td><td class=\"num\">{Units.Number(constant.Value)}</td><td class=\"source\">{Markup.Text(constant.Source)}</td></tr>\n");
            }
            html.Append("</table>\n</details>\n");
        }
    }

    private static void Graphs(StringBuilder html, ModelReport report)
    {
        html.Append("<h2>Graph</h2>\n");
        if (report.GraphBefore is { } before)
        {
            Graph(html, before, "graph-before", $"Before the passes: {before.OperatorCount} nodes");
        }
        Graph(html, report.GraphAfter, "graph-after", $"After the passes: {report.GraphAfter.OperatorCount} nodes");
    }

    private static void Graph(StringBuilder html, GraphSnapshot graph, string id, string caption)
    {
        bool open = graph.Nodes.Count <= OpenGraphNodes;
        html.Append($"<details id=\"{id}\"{(open ? " open" : "")}><summary>{Markup.Text(caption)}{(open ? "" : " (large: click to expand)")}</summary>\n");
        html.Append($"<div class=\"scroll\">{SvgGraph.Write(graph, caption, id)}</div>\n</details>\n");
    }

    private static void Layers(StringBuilder html, ModelReport report)
    {
        html.Append("<h2>Layers</h2>\n<div class=\"scroll\">\n<table>\n<tr><th>node</th><th>op</th><th>class</th><th class=\"num\">MACs</th><th class=\"num\">parameters</th><th class=\"num\">activation</th>");
        foreach (var target in report.Targets)
        {
            html.Append($"<th class=\"num\">{Markup.Text(target.Name)}</th>");
        }
        html.Append("</tr>\n");
        foreach (var layer in report.Layers)
        {
            html.Append($"<tr><td>{Markup.Text(layer.Name)}</td><td>{Markup.Text(layer.Op)}</td><td>{Markup.Text(layer.Class)}</td>");
            html.Append($"<td class=\"num\">{Units.Count(layer.Macs)}</td><td class=\"num\">{Units.Count(layer.Parameters)}</td><td class=\"num\">{Units.Bytes(layer.ActivationBytes)}</td>");
            foreach (var cost in layer.Costs)
            {
                string tip = $"{cost.Bound}-bound, {cost.Threads} thread{(cost.Threads == 1 ? "" : "s")}, {Units.Joules(cost.Joules)}";
                html.Append($"<td class=\"num\" title=\"{Markup.Text(tip)}\">{Units.Seconds(cost.Seconds)}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n</div>\n");
    }

    private static void Charts(StringBuilder html, ModelReport report)
    {
        html.Append("<h2>Per-layer charts</h2>\n<div class=\"charts\">\n");
        Chart(html, "Multiply-adds", report.Layers.Select(l => (l.Name, (double)l.Macs)).ToList(), v => Units.Number(v));
        Chart(html, "Parameters", report.Layers.Select(l => (l.Name, (double)l.Parameters)).ToList(), v => Units.Number(v));
        Chart(html, "Activation bytes", report.Layers.Select(l => (l.Name, (double)l.ActivationBytes)).ToList(), Units.Bytes);
        if (report.Targets.Count > 0)
        {
            Chart(html, $"Estimated latency on {report.Targets[0].Name}", report.Layers.Select(l => (l.Name, l.Costs[0].Seconds)).ToList(), Units.Seconds);
        }
        html.Append("</div>\n");
    }

    private static void Chart(StringBuilder html, string title, IReadOnlyList<(string, double)> rows, Func<double, string> format) =>
        html.Append($"<figure><figcaption>{Markup.Text(title)}</figcaption><div class=\"scroll short\">{SvgBarChart.Write(title, rows, format)}</div></figure>\n");

    private static void Passes(StringBuilder html, IReadOnlyList<PassRow>? passes)
    {
        html.Append("<h2>Passes</h2>\n");
        if (passes is null)
        {
            html.Append("<p class=\"note\">No pass pipeline ran for this report.</p>\n");
            return;
        }
        html.Append("<table>\n<tr><th>pass</th><th class=\"num\">nodes before</th><th class=\"num\">after</th><th class=\"num\">rewrites</th><th class=\"num\">removed</th><th class=\"num\">added</th><th class=\"num\">bytes saved</th><th>notes</th></tr>\n");
        foreach (var pass in passes)
        {
            html.Append($"<tr><td>{Markup.Text(pass.Pass)}</td><td class=\"num\">{pass.NodesBefore}</td><td class=\"num\">{pass.NodesAfter}</td><td class=\"num\">{pass.Rewrites}</td>");
            html.Append($"<td class=\"num\">{pass.NodesRemoved}</td><td class=\"num\">{pass.NodesAdded}</td><td class=\"num\">{Units.Bytes(pass.BytesSaved)}</td><td>{Markup.Text(string.Join("; ", pass.Notes))}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Memory(StringBuilder html, MemorySection? memory, long activations)
    {
        html.Append("<h2>Memory plan</h2>\n");
        if (memory is null)
        {
            html.Append($"<p class=\"note\">No memory plan in this report; the activations add up to {Units.Bytes(activations)}.</p>\n");
            return;
        }
        var rows = new List<(string, double)>
        {
            ("planned peak (arena)", memory.PlannedPeakBytes),
            ("lower bound (most live at one step)", memory.LowerBoundBytes),
            ("sum of all activations", memory.SumOfActivationsBytes),
        };
        html.Append(SvgBarChart.Write("Memory plan", rows, Units.Bytes)).Append('\n');
        if (memory.Note is { } note)
        {
            html.Append($"<p class=\"note\">{Markup.Text(note)}</p>\n");
        }
    }

    private static void Fidelity(StringBuilder html, FidelitySection? fidelity)
    {
        html.Append("<h2>Fidelity</h2>\n");
        if (fidelity is null)
        {
            html.Append("<p class=\"note\">No fidelity figures in this report (no pruning or quantization, or no verification run).</p>\n");
            return;
        }
        html.Append("<table>\n");
        Row(html, "samples", $"{fidelity.Samples} ({fidelity.Inputs})");
        Optional(html, "top-1 agreement", fidelity.Top1Agreement, Units.Percent);
        Optional(html, "SNR", fidelity.SnrDb, v => $"{v.ToString("0.0", CultureInfo.InvariantCulture)} dB");
        Optional(html, "accuracy, original", fidelity.AccuracyOriginal, Units.Percent);
        Optional(html, "accuracy, optimized", fidelity.AccuracyOptimized, Units.Percent);
        html.Append("</table>\n");
        if (fidelity.Note is { } note)
        {
            html.Append($"<p class=\"note\">{Markup.Text(note)}</p>\n");
        }
    }

    private static void Optional(StringBuilder html, string name, double? value, Func<double, string> format)
    {
        if (value is double v)
        {
            Row(html, name, format(v));
        }
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append($"<tr><th>{Markup.Text(name)}</th><td>{Markup.Text(value)}</td></tr>\n");
}
