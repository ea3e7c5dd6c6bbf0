using Aidge.Core.Graphs;

namespace Aidge.Passes.Memory;

/// <summary>One block of the arena: the tensors that share it in place, one after the other, and its request.</summary>
public sealed record StorageBlock(IReadOnlyList<int> Tensors, ArenaRequest Request);

/// <summary>
/// Which tensors share bytes. An output takes its input's block when that input dies at the output's node, both have
/// the same size, and the target's kernel may write over that input; a chain of such nodes (Conv → BatchNormalization →
/// Relu) then runs in one block, alive from the first write to the last read. Every other tensor has a block of its own.
/// </summary>
public sealed class StorageGroups
{
    private StorageGroups(IReadOnlyList<StorageBlock> blocks, IReadOnlyList<int> blockOf, IReadOnlyList<InPlaceReuse> inPlace)
    {
        Blocks = blocks;
        BlockOf = blockOf;
        InPlace = inPlace;
    }

    /// <summary>The blocks, in the order of their first tensor.</summary>
    public IReadOnlyList<StorageBlock> Blocks { get; }

    /// <summary>The block of each tensor of the lifetimes, by tensor index.</summary>
    public IReadOnlyList<int> BlockOf { get; }

    public IReadOnlyList<InPlaceReuse> InPlace { get; }

    public static StorageGroups Build(TensorLifetimes lifetimes, InPlacePredicate mayWriteOver)
    {
        var tensors = lifetimes.Tensors;
        var indexOf = tensors.Select((t, i) => (t.Value, i)).ToDictionary(p => p.Value, p => p.i);
        // Each tensor starts as its own block; an in-place output joins its input's block.
        var root = Enumerable.Range(0, tensors.Count).ToArray();
        var inPlace = new List<InPlaceReuse>();
        for (int step = 0; step < lifetimes.Steps.Count; step++)
        {
            var node = lifetimes.Steps[step];
            var taken = new HashSet<int>();
            for (int o = 0; o < node.Outputs.Count; o++)
            {
                if (node.Outputs[o] is not { } output || !indexOf.TryGetValue(output, out int written))
                {
                    continue;
                }
                for (int k = 0; k < node.Inputs.Count; k++)
                {
                    if (node.Inputs[k] is { } input && indexOf.TryGetValue(input, out int read) && read != written
                        && tensors[read].LastStep == step && tensors[read].Bytes == tensors[written].Bytes && tensors[read].Bytes > 0
                        && !taken.Contains(read) && mayWriteOver(node, o, k))
                    {
                        taken.Add(read);
                        root[written] = root[read];
                        inPlace.Add(new InPlaceReuse(node.DisplayName, output.Name, input.Name));
                        break;
                    }
                }
            }
        }
        return Group(tensors, root, inPlace);
    }

    /// <summary>Collects the tensors by root; a block lives from its first tensor's write to its last tensor's last read.</summary>
    private static StorageGroups Group(IReadOnlyList<TensorLifetime> tensors, int[] root, List<InPlaceReuse> inPlace)
    {
        var blockOfRoot = new Dictionary<int, int>();
        var members = new List<List<int>>();
        var blockOf = new int[tensors.Count];
        for (int i = 0; i < tensors.Count; i++)
        {
            if (!blockOfRoot.TryGetValue(root[i], out int block))
            {
                blockOfRoot[root[i]] = block = members.Count;
                members.Add(new List<int>());
            }
            members[block].Add(i);
            blockOf[i] = block;
        }
        var blocks = members.Select(m => new StorageBlock(m, new ArenaRequest(
            tensors[m[0]].Bytes,
            m.Min(i => tensors[i].FirstStep),
            m.Max(i => tensors[i].LastStep)))).ToList();
        return new StorageGroups(blocks, blockOf, inPlace);
    }
}
