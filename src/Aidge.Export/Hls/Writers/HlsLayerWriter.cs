using Aidge.Export.C;
using Aidge.Export.Hls.Model;

namespace Aidge.Export.Hls.Writers;

/// <summary>
/// Writes one layer function: <c>static void name(const float x[N], ..., float y[M])</c> (data_t for the float tensors
/// of a fixed-point design, <see cref="HlsNumbers"/>), <c>INLINE off</c> so each
/// layer stays its own module (and a dataflow process in stream mode), the weights pragmas, then the body with every
/// loop labelled (<c>L&lt;k&gt;_&lt;variable&gt;</c>, for the synthesis report) and carrying the pragmas of
/// <see cref="HlsPragmas"/>.
/// </summary>
public static class HlsLayerWriter
{
    public static string Write(HlsLayer layer, string name, HlsOptions options)
    {
        var w = new CSourceWriter();
        Write(w, layer, name, options, HlsNumbers.Float);
        return w.ToString();
    }

    public static void Write(CSourceWriter w, HlsLayer layer, string name, HlsOptions options, HlsNumbers numbers)
    {
        var parameters = layer.Parameters.Select(p => $"{(p.Written ? "" : "const ")}{numbers.Element(p.Tensor.Type)} {p.Name}[{Math.Max(1, p.Tensor.ElementCount)}]");
        w.Open($"static void {name}({string.Join(", ", parameters)})");
        w.Line("#pragma HLS INLINE off");
        var body = layer.Body;
        long unroll = MaxUnroll(body, options);
        string reduced = ReducedText(body);
        foreach (var parameter in layer.Parameters.Where(p => p.IsWeights).Select(p => p.Name).Distinct())
        {
            // Only weights read by the unrolled terms need their banks side by side; a bias is read once per output.
            long factor = reduced.Contains(parameter + "[", StringComparison.Ordinal) ? unroll : 1;
            foreach (string pragma in HlsPragmas.ForWeights(parameter, factor, options))
            {
                w.Line(pragma);
            }
        }
        int label = 0;
        for (int i = 0; i < body.Count; i++)
        {
            var statement = body[i];
            switch (statement.Kind)
            {
                case HlsStatementKind.Loop:
                    var loop = statement.Loop!;
                    w.Open($"L{label++}_{loop.Variable}: for (int {loop.Variable} = 0; {loop.Variable} < {loop.Trips}; {loop.Variable}++)");
                    foreach (string pragma in HlsPragmas.ForLoop(loop, Innermost(body, i), TermsInside(body, i), options))
                    {
                        w.Line(pragma);
                    }
                    break;
                case HlsStatementKind.Open:
                    w.Open(statement.Text);
                    break;
                case HlsStatementKind.End:
                    w.Close();
                    break;
                default:
                    w.Line(statement.Text);
                    break;
            }
        }
        w.Close();
    }

    /// <summary>The largest unroll factor of the layer's innermost reduction loops under Latency (what the weights partition must feed).</summary>
    private static long MaxUnroll(EquatableArray<HlsStatement> body, HlsOptions options)
    {
        long unroll = 1;
        for (int i = 0; i < body.Count; i++)
        {
            if (body[i].Loop is { Role: HlsLoopRole.Reduction } loop && Innermost(body, i))
            {
                unroll = Math.Max(unroll, HlsPragmas.UnrollFactor(loop.Trips, options.ReuseFactor));
            }
        }
        return unroll;
    }

    /// <summary>The text of the statements inside innermost reduction loops: what the unrolled terms read.</summary>
    private static string ReducedText(EquatableArray<HlsStatement> body)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < body.Count; i++)
        {
            if (body[i].Loop is not { Role: HlsLoopRole.Reduction } || !Innermost(body, i))
            {
                continue;
            }
            for (int j = i + 1, depth = 0; j < body.Count && depth >= 0; j++)
            {
                depth += body[j].Kind switch { HlsStatementKind.Open => 1, HlsStatementKind.End => -1, _ => 0 };
                text.Append(body[j].Text).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>Whether the loop opened at <paramref name="start"/> holds no other loop.</summary>
    private static bool Innermost(EquatableArray<HlsStatement> body, int start)
    {
        int depth = 0;
        for (int i = start + 1; i < body.Count; i++)
        {
            switch (body[i].Kind)
            {
                case HlsStatementKind.Loop:
                    return false;
                case HlsStatementKind.Open:
                    depth++;
                    break;
                case HlsStatementKind.End when depth == 0:
                    return true;
                case HlsStatementKind.End:
                    depth--;
                    break;
            }
        }
        return true;
    }

    /// <summary>The innermost iterations the loop opened at <paramref name="start"/> runs per iteration of its own: 1 when it holds no loop.</summary>
    private static long TermsInside(EquatableArray<HlsStatement> body, int start)
    {
        int i = start + 1;
        return Inside(body, ref i);

        static long Inside(EquatableArray<HlsStatement> body, ref int i)
        {
            long total = 0;
            bool any = false;
            while (i < body.Count)
            {
                var statement = body[i++];
                if (statement.Kind == HlsStatementKind.End)
                {
                    // The end of a block (if) continues the enclosing loop's count; the end of the loop returns it.
                    break;
                }
                if (statement.Kind == HlsStatementKind.Loop)
                {
                    any = true;
                    total += statement.Loop!.Trips * Inside(body, ref i);
                }
                else if (statement.Kind == HlsStatementKind.Open)
                {
                    long nested = Inside(body, ref i);
                    if (nested > 1)
                    {
                        any = true;
                        total += nested;
                    }
                }
            }
            return any ? total : 1;
        }
    }
}
