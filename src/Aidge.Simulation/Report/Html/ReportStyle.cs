namespace Aidge.Simulation.Report.Html;

/// <summary>The report's inline style sheet and its self-check script (no network: everything is in the page).</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1180px; color: #1d2330; padding: 0 16px; }
        h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 30px; border-bottom: 1px solid #d6dae3; padding-bottom: 4px; }
        .summary { font-size: 15px; background: #f3f5f9; border-left: 4px solid #4a6fd0; padding: 8px 12px; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 13px; } th, td { border-bottom: 1px solid #e4e7ee; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f5f9; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .note { color: #5b6475; font-style: italic; } .source { color: #5b6475; font-size: 12px; }
        .scroll { overflow: auto; max-height: 720px; border: 1px solid #e4e7ee; margin: 8px 0; } .scroll.short { max-height: 420px; }
        details > summary { cursor: pointer; margin: 6px 0; }
        svg.graph .node rect { stroke: #5b6475; stroke-width: 1; } svg.graph text { text-anchor: middle; font-size: 11px; fill: #1d2330; }
        svg.graph text.op { font-weight: 600; } svg.graph text.name { fill: #4b5468; font-size: 10px; }
        svg.graph .matrix rect { fill: #d7e3fb; } svg.graph .elementwise rect { fill: #dcf1df; } svg.graph .window rect { fill: #fbe6cf; }
        svg.graph .movement rect { fill: #eceef2; } svg.graph .io rect { fill: #fff6c8; }
        svg.graph path.edge { fill: none; stroke: #667; stroke-width: 1.2; }
        svg.chart text { font-size: 11px; fill: #1d2330; } svg.chart text.label { text-anchor: end; } svg.chart rect { fill: #4a6fd0; }
        .charts { display: flex; flex-wrap: wrap; gap: 18px; } .charts figure { margin: 0; } figcaption { font-weight: 600; margin: 4px 0; }
        #aidge-report-check { color: #5b6475; font-size: 12px; margin-top: 30px; }
        """;

    /// <summary>
    /// Runs when the page has loaded: every picture must have drawn something (a bounding box with an area, for those
    /// not inside a closed section), then writes a marker line that says so. Tests read the marker from the DOM.
    /// </summary>
    public const string CheckScript = """
        (function () {
          var pictures = document.querySelectorAll('svg');
          var drawn = 0, failed = 0;
          for (var i = 0; i < pictures.length; i++) {
            var closed = pictures[i].closest('details:not([open])');
            var box = closed ? null : pictures[i].getBBox();
            if (closed || (box.width > 0 && box.height > 0)) { drawn++; } else { failed++; }
          }
          var marker = document.createElement('p');
          marker.id = 'aidge-report-check';
          marker.textContent = failed === 0
            ? 'report check: ' + drawn + ' pictures rendered'
            : 'report check FAILED: ' + failed + ' of ' + pictures.length + ' pictures did not render';
          document.body.appendChild(marker);
        })();
        """;
}
