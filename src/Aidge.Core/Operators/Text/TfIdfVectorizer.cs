using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Text;

/// <summary>
/// TfIdfVectorizer (9): n-gram counts (weighted by mode) of a [C] or [N, C] integer or string tensor, as
/// [max(ngram_indexes) + 1] or [N, max(ngram_indexes) + 1] floats.
/// </summary>
public sealed class TfIdfVectorizer : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("TfIdfVectorizer", 9).Inputs(1).Outputs(1)
            .RequiredAttr("max_gram_length", AttributeKind.Int)
            .RequiredAttr("max_skip_count", AttributeKind.Int)
            .RequiredAttr("min_gram_length", AttributeKind.Int)
            .RequiredAttr("mode", AttributeKind.String)
            .RequiredAttr("ngram_counts", AttributeKind.Ints)
            .RequiredAttr("ngram_indexes", AttributeKind.Ints)
            .Attr("pool_int64s", AttributeKind.Ints)
            .Attr("pool_strings", AttributeKind.Strings)
            .Attr("weights", AttributeKind.Floats)
            .Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        var input = context.InputShape(0);
        if (input is { Rank: not (1 or 2) })
        {
            throw context.Fail($"the input must be [C] or [N, C], not {input}.");
        }
        long width = (context.GetInts("ngram_indexes") is { Length: > 0 } indexes ? indexes.Max() : -1) + 1;
        Shape? output = input is null ? null : input.Rank == 1 ? new Shape(width) : new Shape([input[0], Dim.Of(width)]);
        context.SetOutput(0, DataType.Float, output);
    }
}
