using System.Globalization;
using System.Text;

namespace Aidge.Simulation.Report.Html;

/// <summary>The report's "FPGA estimate" section (HLS builds): the design's totals against the part, every layer, the constants.</summary>
public static class FpgaHtml
{
    public static void Write(StringBuilder html, FpgaSection fpga)
    {
        html.Append("<h2>FPGA estimate</h2>\n");
        html.Append($"<p class=\"note\">{Markup.Text(fpga.Note)}</p>\n<table>\n");
        Row(html, "part", fpga.Part);
        Row(html, "design", $"ReuseFactor {fpga.ReuseFactor}, Strategy {fpga.Strategy}, IOType {fpga.IOType}, {fpga.Precision}");
        Row(html, "clock", $"{Number(fpga.ClockPeriodNs)} ns ({Number(1000 / fpga.ClockPeriodNs)} MHz)");
        Row(html, "latency", $"{Units.Count(fpga.Cycles)} cycles = {Units.Seconds(fpga.Seconds)}");
        Row(html, "DSP slices", Used(fpga.Dsp, fpga.DeviceDsp));
        Row(html, "BRAM_18K", Used(fpga.Bram18k, fpga.DeviceBram18k));
        if (fpga.FixedPoint is { } fixedPoint)
        {
            Row(html, "fixed point", $"data {fixedPoint.Precision}, accumulator {fixedPoint.Accumulator} (sums of up to {Units.Count(fixedPoint.LongestSum)} products)");
            Row(html, "error bound", string.Join(", ", fixedPoint.Bounds.Select(b => $"{b.Output} ±{b.Bound.ToString("G3", CultureInfo.InvariantCulture)}")) + ". " + fixedPoint.Note);
        }
        html.Append("</table>\n<div class=\"scroll\">\n<table>\n<tr><th>node</th><th>op</th><th>arithmetic</th><th class=\"num\">terms</th><th class=\"num\">parallel ops</th>");
        html.Append("<th class=\"num\">II</th><th class=\"num\">cycles</th><th class=\"num\">DSP</th><th class=\"num\">BRAM_18K weights</th><th class=\"num\">BRAM_18K activations</th><th class=\"num\">register bits</th></tr>\n");
        foreach (var layer in fpga.Layers)
        {
            html.Append($"<tr><td>{Markup.Text(layer.Name)}</td><td>{Markup.Text(layer.Op)}</td><td>{Markup.Text(layer.Arithmetic)}</td>");
            html.Append($"<td class=\"num\">{Units.Count(layer.Terms)}</td><td class=\"num\">{Units.Count(layer.Units)}</td><td class=\"num\">{Units.Count(layer.Interval)}</td>");
            html.Append($"<td class=\"num\">{Units.Count(layer.Cycles)}</td><td class=\"num\">{Units.Count(layer.Dsp)}</td><td class=\"num\">{Units.Count(layer.WeightBram18k)}</td>");
            html.Append($"<td class=\"num\">{Units.Count(layer.ActivationBram18k)}</td><td class=\"num\">{Units.Count(layer.RegisterBits)}</td></tr>\n");
        }
        html.Append("</table>\n</div>\n");
        html.Append("<details><summary>Constants of the FPGA estimate</summary>\n<table>\n<tr><th>constant</th><th class=\"num\">value</th><th>source</th></tr>\n");
        foreach (var constant in fpga.Constants)
        {
            html.Append($"<tr><td>{Markup.Text(constant.Name)}</td><td class=\"num\">{Units.Number(constant.Value)}</td><td class=\"source\">{Markup.Text(constant.Source)}</td></tr>\n");
        }
        html.Append("</table>\n</details>\n");
    }

    private static string Used(long count, double? capacity) =>
        capacity is > 0 and double total ? $"{Units.Count(count)} of {Units.Count((long)total)} ({Units.Percent(count / total)})" : Units.Count(count);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append($"<tr><th>{Markup.Text(name)}</th><td>{Markup.Text(value)}</td></tr>\n");
}
