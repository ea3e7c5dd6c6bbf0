using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// OneHot: the output is the indices seen as [outer, inner] with a depth axis inserted between; values[1] where the
/// depth coordinate equals the index (negative ones count from depth), values[0] elsewhere, so out-of-range indices
/// give a row of values[0]. Generated per index type and element size.
/// </summary>
public sealed record OneHotHelper(DataType Index, int ElementBytes) : CHelper
{
    public override string Name => $"aidge_onehot_{CTypes.Tag(Index)}_{ElementBytes * 8}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {CTypes.Of(Index)}* indices, const void* values, void* target, int64_t outer, int64_t depth, int64_t inner)");
        w.Line($"const {word}* v = (const {word}*)values;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * depth * inner > 65536)");
        w.Open("for (int64_t o = 0; o < outer; o++)");
        w.Open("for (int64_t i = 0; i < inner; i++)");
        w.Line("int64_t index = (int64_t)indices[o * inner + i];");
        w.Line("index = index < 0 ? index + depth : index;");
        w.Open("for (int64_t d = 0; d < depth; d++)");
        w.Line("out[(o * depth + d) * inner + i] = v[d == index];");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}

/// <summary>OneHot; the depth fixes the output shape, so it is known when compiling; indices and values may be computed at run time.</summary>
[OpenMpEmitter("OneHot")]
public sealed class OneHot : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var indices = node.Input(0);
        var values = node.Input(2);
        var output = node.Output(0);
        node.RequireType(indices, ElementTypeSets.Numeric);
        if (values.ElementCount != 2)
        {
            throw node.Unsupported("values needs two elements (off, on)");
        }
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), output.Rank);
        yield return new KernelCall(new OneHotHelper(indices.Type, values.Type.SizeOf()), new[]
        {
            NodeContext.Threads, indices.Read, values.Read, output.Write, CLiteral.Int(TensorLayout.Product(indices.Dims, 0, axis)), CLiteral.Int(output.Dims[axis]),
            CLiteral.Int(TensorLayout.Product(indices.Dims, axis, indices.Rank)),
        }.ToEquatableArray());
    }
}
