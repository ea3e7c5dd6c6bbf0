using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Recurrent;

/// <summary>
/// RNN, GRU and LSTM: one schema per opset range where the attributes change (<c>output_sequence</c> until 6,
/// <c>linear_before_reset</c> from GRU-3, <c>layout</c> from 14). The three share their inference: only the
/// gate count and the number of state outputs differ.
/// </summary>
public sealed class RecurrentOperators : IOperatorFamily
{
    [Flags]
    private enum Extras
    {
        None = 0,
        OutputSequence = 1,
        LinearBeforeReset = 2,
        InputForget = 4,
        Layout = 8,
    }

    public void Register(OperatorRegistry registry)
    {
        Add(registry, "RNN", 1, 6, 6, 2, Extras.OutputSequence);
        Add(registry, "RNN", 7, 13, 6, 2, Extras.None);
        Add(registry, "RNN", 14, int.MaxValue, 6, 2, Extras.Layout);

        Add(registry, "GRU", 1, 2, 6, 2, Extras.OutputSequence);
        Add(registry, "GRU", 3, 6, 6, 2, Extras.OutputSequence | Extras.LinearBeforeReset);
        Add(registry, "GRU", 7, 13, 6, 2, Extras.LinearBeforeReset);
        Add(registry, "GRU", 14, int.MaxValue, 6, 2, Extras.LinearBeforeReset | Extras.Layout);

        Add(registry, "LSTM", 1, 6, 8, 3, Extras.OutputSequence | Extras.InputForget);
        Add(registry, "LSTM", 7, 13, 8, 3, Extras.InputForget);
        Add(registry, "LSTM", 14, int.MaxValue, 8, 3, Extras.InputForget | Extras.Layout);
    }

    private static void Add(OperatorRegistry registry, string opType, int since, int until, int maxInputs, int maxOutputs, Extras extras)
    {
        var schema = registry.Add(opType, since).Until(until)
            .Inputs(3, maxInputs).Outputs(0, maxOutputs)
            .Attr("activation_alpha", AttributeKind.Floats)
            .Attr("activation_beta", AttributeKind.Floats)
            .Attr("activations", AttributeKind.Strings)
            .Attr("clip", AttributeKind.Float)
            .Attr("direction", AttributeKind.String, "forward")
            .Attr("hidden_size", AttributeKind.Int)
            .Infer(Infer);
        if (extras.HasFlag(Extras.OutputSequence))
        {
            schema.Attr("output_sequence", AttributeKind.Int, 0L);
        }
        if (extras.HasFlag(Extras.LinearBeforeReset))
        {
            schema.Attr("linear_before_reset", AttributeKind.Int, 0L);
        }
        if (extras.HasFlag(Extras.InputForget))
        {
            schema.Attr("input_forget", AttributeKind.Int, 0L);
        }
        if (extras.HasFlag(Extras.Layout))
        {
            schema.Attr("layout", AttributeKind.Int, 0L);
        }
    }

    /// <summary>
    /// Y is [seq, directions, batch, hidden] and every state output [directions, batch, hidden]; layout 1 puts
    /// batch first in both. The hidden size comes from the attribute, else from R's last dim.
    /// </summary>
    private static void Infer(InferenceContext ctx)
    {
        var element = ctx.InputElementType(0);
        bool batchFirst = ctx.Schema.Attributes.ContainsKey("layout") && ctx.GetInt("layout") == 1;
        Dim directions = ctx.GetString("direction") == "bidirectional" ? 2 : 1;
        Dim hidden = ctx.Node.HasAttribute("hidden_size")
            ? ctx.GetInt("hidden_size")
            : ctx.InputShape(2) is { Rank: 3 } r ? r[2] : Dim.Unknown;
        var x = ctx.InputShape(0);
        Dim seq = x is { Rank: 3 } ? x[batchFirst ? 1 : 0] : Dim.Unknown;
        Dim batch = x is { Rank: 3 } ? x[batchFirst ? 0 : 1] : Dim.Unknown;

        ctx.SetOutput(0, element, batchFirst ? new Shape(new[] { batch, seq, directions, hidden }) : new Shape(new[] { seq, directions, batch, hidden }));
        var state = batchFirst ? new Shape(new[] { batch, directions, hidden }) : new Shape(new[] { directions, batch, hidden });
        for (int i = 1; i < ctx.OutputCount; i++)
        {
            ctx.SetOutput(i, element, state);
        }
    }
}
