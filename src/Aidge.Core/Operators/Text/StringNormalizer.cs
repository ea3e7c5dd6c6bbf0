using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Text;

/// <summary>
/// StringNormalizer (10): drops stop words from a [C] or [1, C] string tensor, then changes case. The number of
/// survivors depends on the data, so the kept dim is only known when there are no stop words.
/// </summary>
public sealed class StringNormalizer : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("StringNormalizer", 10).Inputs(1).Outputs(1)
            .Attr("case_change_action", AttributeKind.String, "NONE")
            .Attr("is_case_sensitive", AttributeKind.Int, 0L)
            .Attr("locale", AttributeKind.String, string.Empty)
            .Attr("stopwords", AttributeKind.Strings)
            .Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        string action = context.GetString("case_change_action");
        if (action is not ("NONE" or "LOWER" or "UPPER"))
        {
            throw context.Fail($"case_change_action must be NONE, LOWER or UPPER, not '{action}'.");
        }
        string locale = context.GetString("locale");
        if (locale.Length > 0 && !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            // Case mapping here is culture-invariant, which matches English locales but not e.g. Turkish.
            throw new AidgeException(DiagnosticCodes.UnsupportedOperator,
                $"StringNormalizer with locale={locale} is not supported; only English (culture-invariant) case mapping is.",
                node: context.Node.DisplayName);
        }
        var shape = context.InputShape(0);
        if (shape is { Rank: not (1 or 2) } || shape is { Rank: 2 } && shape[0] is { IsKnown: true, Value: not 1 })
        {
            throw context.Fail($"the input must be [C] or [1, C], not {shape}.");
        }
        bool keepsAll = context.Node.GetStrings("stopwords") is not { Length: > 0 };
        Shape? output = shape is null || keepsAll ? shape : shape.Rank == 1 ? Shape.OfRank(1) : new Shape([Dim.Of(1), Dim.Unknown]);
        context.SetOutput(0, DataType.String, output);
    }
}
