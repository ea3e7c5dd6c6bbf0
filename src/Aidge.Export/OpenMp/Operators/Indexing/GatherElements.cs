using System.Globalization;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// GatherElements: the output has the indices' dims, and each element reads the data at its own coordinates except
/// along the axis, where the index decides. Generated per element size and index type.
/// </summary>
public sealed record GatherElementsHelper(int ElementBytes, DataType Index) : CHelper
{
    public override string Name => $"aidge_gather_elements_{ElementBytes * 8}_{CTypes.Tag(Index)}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const void* source, const {CTypes.Of(Index)}* indices, void* target, int rank, const int64_t* dims, const int64_t* strides, int axis, int64_t length, int64_t n)");
        w.Line($"const {word}* in = (const {word}*)source;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 65536)");
        w.Open("for (int64_t o = 0; o < n; o++)");
        w.Line("int64_t rest = o, offset = 0;");
        w.Open("for (int k = rank - 1; k >= 0; k--)");
        w.Line("int64_t x = rest % dims[k];");
        w.Line("rest /= dims[k];");
        w.Open("if (k == axis)");
        w.Line("x = (int64_t)indices[o];");
        w.Line("x = x < 0 ? x + length : x;");
        w.Close();
        w.Line("offset += x * strides[k];");
        w.Close();
        w.Line("out[o] = in[offset];");
        w.Close();
        w.Close();
        return w.ToString();
    }
}

[OpenMpEmitter("GatherElements")]
public sealed class GatherElements : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        node.RequireType(indices, IndexTypes.All);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), data.Rank);
        yield return new KernelCall(new GatherElementsHelper(data.Type.SizeOf(), indices.Type), new[]
        {
            NodeContext.Threads, data.Read, indices.Read, node.Output(0).Write, data.Rank.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(indices.Dims),
            CLiteral.Int64Array(TensorLayout.Strides(data.Dims)), axis.ToString(CultureInfo.InvariantCulture), CLiteral.Int(data.Dims[axis]), CLiteral.Int(indices.ElementCount),
        }.ToEquatableArray());
    }
}
