using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// ScatterND into the output (already a copy of the data): each of <c>slices</c> index tuples of length m names a
/// block of <c>inner</c> elements of the data seen as [dims..., inner], combined with its update block in order, so
/// duplicate indices apply one after the other. Out-of-range tuples are skipped. Generated per reduction, element
/// type and index type.
/// </summary>
public sealed record ScatterNDHelper(string Reduction, string Expression, DataType Type, DataType Index) : CHelper
{
    public override string Name => $"aidge_scatternd_{Reduction}_{CTypes.Tag(Type)}_{CTypes.Tag(Index)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(const {CTypes.Of(Index)}* indices, const {t}* updates, {t}* out, int64_t slices, int64_t m, const int64_t* dims, int64_t inner)");
        w.Open("for (int64_t s = 0; s < slices; s++)");
        w.Line("int64_t at = 0;");
        w.Line("int inside = 1;");
        w.Open("for (int64_t k = 0; k < m; k++)");
        w.Line("int64_t index = (int64_t)indices[s * m + k];");
        w.Line("index = index < 0 ? index + dims[k] : index;");
        w.Line("inside = inside && index >= 0 && index < dims[k];");
        w.Line("at = at * dims[k] + index;");
        w.Close();
        w.Open("for (int64_t e = 0; inside && e < inner; e++)");
        w.Line($"const {t} o = out[at * inner + e];");
        w.Line($"const {t} u = updates[s * inner + e];");
        w.Line($"out[at * inner + e] = ({t})({Expression});");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}

/// <summary>ScatterND (reductions none/add/mul/max/min); indices and updates may be computed at run time.</summary>
[OpenMpEmitter("ScatterND")]
public sealed class ScatterND : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        var output = node.Output(0);
        node.RequireType(indices, IndexTypes.All);
        var (reduction, expression) = ScatterReduction.Of(node, data.Type);
        int m = indices.Rank == 0 ? 0 : (int)indices.Dims[^1];
        if (indices.Rank == 0 || m > data.Rank)
        {
            throw node.Unsupported($"indices of shape [{string.Join(", ", indices.Dims)}] do not index data of rank {data.Rank}");
        }
        yield return Copy.Call(data, output);
        yield return new KernelCall(new ScatterNDHelper(reduction, expression, data.Type, indices.Type), new[]
        {
            indices.Read, node.Input(2).Read, output.Write, CLiteral.Int(m == 0 ? 0 : indices.ElementCount / m), CLiteral.Int(m),
            CLiteral.Int64Array(data.Dims.Take(m)), CLiteral.Int(TensorLayout.Product(data.Dims, m, data.Rank)),
        }.ToEquatableArray());
    }
}
