namespace Aidge.Simulation.Kernels.Text;

/// <summary>
/// TfIdfVectorizer's pool of n-grams as a trie over token ids: tokens are numbered in the order the pool first
/// names them, and each trie node that ends a pool n-gram holds that n-gram's position in the pool.
/// </summary>
public sealed class NGramPool
{
    private NGramPool(Node root, int count)
    {
        Root = root;
        Count = count;
    }

    /// <summary>How many n-grams the pool holds.</summary>
    public int Count { get; }

    public Node Root { get; }

    /// <summary>
    /// Builds the trie from the flat pool, where the (n)-grams start at <c>ngramCounts[n - 1]</c>, and gives each
    /// token of <paramref name="input"/> its id (−1 for tokens the pool never names).
    /// </summary>
    public static NGramPool Build<T>(T[] pool, long[] ngramCounts, ReadOnlySpan<T> input, out int[] inputIds)
        where T : notnull
    {
        var ids = new Dictionary<T, int>();
        foreach (var token in pool)
        {
            ids.TryAdd(token, ids.Count);
        }
        var root = new Node();
        int count = 0;
        for (int n = 1; n <= ngramCounts.Length; n++)
        {
            long start = ngramCounts[n - 1];
            long end = n < ngramCounts.Length ? ngramCounts[n] : pool.Length;
            if (start < 0 || end > pool.Length || start > end || (end - start) % n != 0)
            {
                throw new ArgumentException($"ngram_counts [{string.Join(",", ngramCounts)}] do not split a pool of {pool.Length} into whole {n}-grams.");
            }
            for (long at = start; at < end; at += n, count++)
            {
                var node = root;
                for (int k = 0; k < n; k++)
                {
                    node = node.Child(ids[pool[at + k]], create: true)!;
                }
                node.Gram = count;
            }
        }
        inputIds = new int[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            inputIds[i] = ids.TryGetValue(input[i], out int id) ? id : -1;
        }
        return new NGramPool(root, count);
    }

    public sealed class Node
    {
        private Dictionary<int, Node>? children;

        /// <summary>The pool position of the n-gram that ends here, or −1.</summary>
        public int Gram { get; set; } = -1;

        public Node? Child(int token, bool create = false)
        {
            if (children?.TryGetValue(token, out var child) == true)
            {
                return child;
            }
            if (!create)
            {
                return null;
            }
            child = new Node();
            (children ??= []).Add(token, child);
            return child;
        }
    }
}
