using System.Globalization;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// ScatterElements into the output (already a copy of the data): update e, at position p of the updates, goes to p
/// with its axis coordinate replaced by indices[e] (negative from the end), combined in order so duplicates apply one
/// after the other. Out-of-range indices are skipped. Generated per reduction, element type and index type.
/// </summary>
public sealed record ScatterElementsHelper(string Reduction, string Expression, DataType Type, DataType Index) : CHelper
{
    public override string Name => $"aidge_scatter_elements_{Reduction}_{CTypes.Tag(Type)}_{CTypes.Tag(Index)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(const {CTypes.Of(Index)}* indices, const {t}* updates, {t}* out, int rank, const int64_t* dims, const int64_t* strides, int axis, int64_t axis_size, int64_t n)");
        w.Open("for (int64_t e = 0; e < n; e++)");
        w.Line("int64_t at = 0, rest = e;");
        w.Line("int64_t index = (int64_t)indices[e];");
        w.Line("index = index < 0 ? index + axis_size : index;");
        w.Open("for (int d = rank - 1; d >= 0; d--)");
        w.Line("at += (d == axis ? index : rest % dims[d]) * strides[d];");
        w.Line("rest /= dims[d];");
        w.Close();
        w.Open("if (index >= 0 && index < axis_size)");
        w.Line($"const {t} o = out[at];");
        w.Line($"const {t} u = updates[e];");
        w.Line($"out[at] = ({t})({Expression});");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}

/// <summary>ScatterElements (reductions none/add/mul/max/min) and the older Scatter; indices and updates may be computed at run time.</summary>
[OpenMpEmitter("ScatterElements")]
[OpenMpEmitter("Scatter")]
public sealed class ScatterElements : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        var updates = node.Input(2);
        var output = node.Output(0);
        node.RequireType(indices, IndexTypes.All);
        var (reduction, expression) = ScatterReduction.Of(node, data.Type);
        if (data.Rank == 0 || updates.Rank != data.Rank)
        {
            throw node.Unsupported("data and updates need the same rank of at least 1");
        }
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), data.Rank);
        yield return Copy.Call(data, output);
        yield return new KernelCall(new ScatterElementsHelper(reduction, expression, data.Type, indices.Type), new[]
        {
            indices.Read, updates.Read, output.Write, data.Rank.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(updates.Dims), CLiteral.Int64Array(TensorLayout.Strides(data.Dims)),
            axis.ToString(CultureInfo.InvariantCulture), CLiteral.Int(data.Dims[axis]), CLiteral.Int(updates.ElementCount),
        }.ToEquatableArray());
    }
}
