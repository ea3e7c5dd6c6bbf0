using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Text;

/// <summary>
/// TfIdfVectorizer: counts, per row, the pool's n-grams of min_gram_length to max_gram_length tokens taken every
/// d-th token for each d in 1..max_skip_count + 1 (unigrams only once, since the skip does not change them), then
/// writes count (TF), weight if counted (IDF) or count·weight (TFIDF) at each n-gram's output coordinate.
/// </summary>
[Kernel("TfIdfVectorizer", SinceVersion = 9)]
public sealed class TfIdfVectorizerKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        if (input.Rank is not (1 or 2))
        {
            throw new ArgumentException($"TfIdfVectorizer takes a [C] or [N, C] tensor, not {input}.");
        }
        var ngramCounts = context.GetInts("ngram_counts")!;
        var indexes = context.GetInts("ngram_indexes")!;
        int[] tokens;
        NGramPool pool = context.GetInts("pool_int64s") is { } integers
            ? NGramPool.Build(integers, ngramCounts, input.ToInt64Array(), out tokens)
            : NGramPool.Build(context.Node.GetStrings("pool_strings") ?? throw new ArgumentException("TfIdfVectorizer needs pool_int64s or pool_strings."),
                ngramCounts, input.Strings, out tokens);
        if (indexes.Length != pool.Count)
        {
            throw new ArgumentException($"ngram_indexes has {indexes.Length} entries for {pool.Count} pooled n-grams.");
        }
        int rows = input.Rank == 1 ? 1 : (int)input.Dims[0];
        int rowLength = (int)input.Dims[^1];
        int width = indexes.Length == 0 ? 0 : (int)indexes.Max() + 1;
        var output = Tensor.Create(DataType.Float, input.Rank == 1 ? [width] : [rows, width]);
        var values = output.Span<float>();
        var weights = context.GetFloats("weights");
        string mode = context.GetString("mode");
        var counts = new int[pool.Count];
        for (int row = 0; row < rows; row++)
        {
            Array.Clear(counts);
            Count(tokens.AsSpan(row * rowLength, rowLength), pool, counts, context);
            var target = values.Slice(row * width, width);
            for (int i = 0; i < counts.Length; i++)
            {
                float weight = weights is null ? 1 : weights[i];
                target[(int)indexes[i]] += mode switch
                {
                    "TF" => counts[i],
                    "IDF" => counts[i] > 0 ? weight : 0,
                    "TFIDF" => counts[i] * weight,
                    _ => throw new ArgumentException($"TfIdfVectorizer mode must be TF, IDF or TFIDF, not '{mode}'."),
                };
            }
        }
        context.SetOutput(0, output);
    }

    private static void Count(ReadOnlySpan<int> row, NGramPool pool, int[] counts, KernelContext context)
    {
        long minLength = context.GetInt("min_gram_length");
        long maxLength = context.GetInt("max_gram_length");
        long maxSkip = context.GetInt("max_skip_count");
        for (long distance = 1; distance <= maxSkip + 1; distance++)
        {
            // After the first pass unigrams are done: a skip cannot change a one-token n-gram.
            long shortest = distance == 1 ? minLength : Math.Max(minLength, 2);
            for (int start = 0; start < row.Length; start++)
            {
                var node = pool.Root;
                long length = 1;
                for (long at = start; at < row.Length && length <= maxLength; at += distance, length++)
                {
                    node = row[(int)at] < 0 ? null : node.Child(row[(int)at]);
                    if (node is null)
                    {
                        break;
                    }
                    if (length >= shortest && node.Gram >= 0)
                    {
                        counts[node.Gram]++;
                    }
                }
            }
        }
    }
}
