using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// Gather along one axis: the data seen as [outer, axis, inner] and the output as [outer, indices, inner], each output
/// row of <c>inner</c> elements copied from the row its index names (negative indices count from the end). Indices
/// may be computed at run time. Generated per element size and index type.
/// </summary>
public sealed record GatherHelper(int ElementBytes, DataType Index) : CHelper
{
    public override string Name => $"aidge_gather_{ElementBytes * 8}_{CTypes.Tag(Index)}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const void* source, const {CTypes.Of(Index)}* indices, void* target, int64_t outer, int64_t axis, int64_t count, int64_t inner)");
        w.Line($"const {word}* in = (const {word}*)source;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * count * inner > 65536)");
        w.Open("for (int64_t row = 0; row < outer * count; row++)");
        w.Line("const int64_t o = row / count;");
        w.Line("int64_t index = (int64_t)indices[row % count];");
        w.Line("index = index < 0 ? index + axis : index;");
        w.Line($"memcpy(out + row * inner, in + (o * axis + index) * inner, (size_t)inner * sizeof({word}));");
        w.Close();
        w.Close();
        return w.ToString();
    }
}

[OpenMpEmitter("Gather")]
public sealed class Gather : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        node.RequireType(indices, IndexTypes.All);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), data.Rank);
        var (outer, length, inner) = TensorLayout.AroundAxis(data.Dims, axis);
        yield return new KernelCall(new GatherHelper(data.Type.SizeOf(), indices.Type), new[]
        {
            NodeContext.Threads, data.Read, indices.Read, node.Output(0).Write, CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(indices.ElementCount), CLiteral.Int(inner),
        }.ToEquatableArray());
    }
}
