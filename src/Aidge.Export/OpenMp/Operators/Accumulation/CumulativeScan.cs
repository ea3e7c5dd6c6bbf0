using System.Globalization;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Accumulation;

/// <summary>
/// The running sum or product along each lane of [outer, axis, inner], in the element type; exclusive leaves each
/// element out of its own result, reverse runs from the end. The axis is an argument (it may be known only at run
/// time), so the lanes are computed from the dims here. Generated per operation and element type.
/// </summary>
public sealed record CumulativeScanHelper(string Op, string Combine, string Identity, DataType Type) : TypedHelper(Op, Type)
{
    protected override void Write(CSourceWriter w, string t)
    {
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int rank, const int64_t* dims, int64_t along, int exclusive, int reverse)");
        w.Line("int64_t outer = 1, inner = 1;");
        w.Line("along = along < 0 ? along + rank : along;");
        w.Open("for (int d = 0; d < rank; d++)");
        w.Open("if (d < along)");
        w.Line("outer *= dims[d];");
        w.Close();
        w.Open("else if (d > along)");
        w.Line("inner *= dims[d];");
        w.Close();
        w.Close();
        w.Line("const int64_t axis = along >= 0 && along < rank ? dims[along] : 0;");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * axis * inner > 65536)");
        w.Open("for (int64_t o = 0; o < outer * inner; o++)");
        w.Line("const int64_t start = (o / inner) * axis * inner + o % inner;");
        w.Line($"{t} running = {Identity};");
        w.Open("for (int64_t s = 0; s < axis; s++)");
        w.Line("const int64_t at = start + (reverse ? axis - 1 - s : s) * inner;");
        w.Line($"const {t} value = in[at];");
        w.Open("if (exclusive)");
        w.Line("out[at] = running;");
        w.Close();
        w.Line($"running = ({t})(running {Combine} value);");
        w.Open("if (!exclusive)");
        w.Line("out[at] = running;");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
    }
}

/// <summary>CumSum and CumProd of numeric types; the axis (input 1) may be a constant or a run-time scalar (an axis out of range writes nothing).</summary>
[OpenMpEmitter("CumSum")]
[OpenMpEmitter("CumProd")]
public sealed class CumulativeScan : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Numeric);
        if (input.Rank == 0)
        {
            throw node.Unsupported("the input must have at least one dim");
        }
        string axis = node.ConstantInput(1) is { } constant ? CLiteral.Int(ShapeMath.NormalizeAxis(constant.GetInt64(0), input.Rank)) : $"{node.Input(1).Read}[0]";
        bool product = node.Node.OpType == "CumProd";
        var helper = new CumulativeScanHelper(product ? "cumprod" : "cumsum", product ? "*" : "+", product ? "1" : "0", input.Type);
        yield return new KernelCall(helper, new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, input.Rank.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(input.Dims), axis,
            node.GetInt("exclusive") != 0 ? "1" : "0", node.GetInt("reverse") != 0 ? "1" : "0",
        }.ToEquatableArray());
    }
}
