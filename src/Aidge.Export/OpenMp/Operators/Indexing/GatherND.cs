using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// GatherND: each of <c>slices</c> index tuples of length m picks a block of <c>inner</c> elements from its batch of
/// the data, seen as [batches, dims..., inner] (<c>per_batch</c> tuples per batch, batch_dims leading dims shared).
/// Negative indices count from the end. Generated per element size and index type.
/// </summary>
public sealed record GatherNDHelper(int ElementBytes, DataType Index) : CHelper
{
    public override string Name => $"aidge_gathernd_{ElementBytes * 8}_{CTypes.Tag(Index)}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const void* source, const {CTypes.Of(Index)}* indices, void* target, int64_t slices, int64_t per_batch, int64_t m, const int64_t* dims, int64_t inner)");
        w.Line($"const {word}* in = (const {word}*)source;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("int64_t block = 1;");
        w.Open("for (int64_t k = 0; k < m; k++)");
        w.Line("block *= dims[k];");
        w.Close();
        w.Line("#pragma omp parallel for num_threads(threads) if (slices * inner > 65536)");
        w.Open("for (int64_t s = 0; s < slices; s++)");
        w.Line("int64_t at = 0;");
        w.Open("for (int64_t k = 0; k < m; k++)");
        w.Line("const int64_t index = (int64_t)indices[s * m + k];");
        w.Line("at = at * dims[k] + (index < 0 ? index + dims[k] : index);");
        w.Close();
        w.Line($"memcpy(out + s * inner, in + (s / per_batch * block + at) * inner, (size_t)inner * sizeof({word}));");
        w.Close();
        w.Close();
        return w.ToString();
    }
}

[OpenMpEmitter("GatherND")]
public sealed class GatherND : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        node.RequireType(indices, IndexTypes.All);
        int batchDims = (int)node.GetInt("batch_dims");
        int m = indices.Rank == 0 ? -1 : (int)indices.Dims[^1];
        if (m < 0 || batchDims + m > data.Rank || batchDims >= indices.Rank)
        {
            throw node.Unsupported($"indices of shape [{string.Join(", ", indices.Dims)}] with batch_dims {batchDims} do not index data of rank {data.Rank}");
        }
        long slices = m == 0 ? TensorLayout.Product(indices.Dims, 0, indices.Rank - 1) : indices.ElementCount / m;
        yield return new KernelCall(new GatherNDHelper(data.Type.SizeOf(), indices.Type), new[]
        {
            NodeContext.Threads, data.Read, indices.Read, node.Output(0).Write, CLiteral.Int(slices), CLiteral.Int(Math.Max(1, TensorLayout.Product(indices.Dims, batchDims, indices.Rank - 1))),
            CLiteral.Int(m), CLiteral.Int64Array(data.Dims.Skip(batchDims).Take(m)), CLiteral.Int(TensorLayout.Product(data.Dims, batchDims + m, data.Rank)),
        }.ToEquatableArray());
    }
}
