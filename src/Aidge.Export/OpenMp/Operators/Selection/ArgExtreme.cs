using System.Globalization;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Selection;

/// <summary>
/// The index (int64) of the largest or smallest element along one axis of [outer, axis, inner]; ties go to the first
/// index, or the last with select_last_index. With <paramref name="OneHot"/> (Hardmax) the output instead has the
/// input's type and shape, 1 at that index and 0 elsewhere in the lane. Generated per comparison and element type.
/// </summary>
public sealed record ArgExtremeHelper(string Op, string Comparison, DataType Type, bool OneHot = false) : CHelper
{
    public override string Name => $"aidge_{Op}_{CTypes.Tag(Type)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* in, {(OneHot ? t : "int64_t")}* out, int64_t outer, int64_t axis, int64_t inner, int last)");
        w.Line("#pragma omp parallel for num_threads(threads) if (outer * axis * inner > 65536)");
        w.Open("for (int64_t o = 0; o < outer * inner; o++)");
        w.Line("const " + t + "* lane = in + (o / inner) * axis * inner + o % inner;");
        w.Line($"{t} best = lane[0];");
        w.Line("int64_t index = 0;");
        w.Open("for (int64_t a = 1; a < axis; a++)");
        w.Line($"const {t} x = lane[a * inner];");
        w.Open($"if (x {Comparison} best || (last && x == best))");
        w.Line("best = x;");
        w.Line("index = a;");
        w.Close();
        w.Close();
        if (OneHot)
        {
            w.Line($"{t}* marks = out + (o / inner) * axis * inner + o % inner;");
            w.Open("for (int64_t a = 0; a < axis; a++)");
            w.Line("marks[a * inner] = a == index;");
            w.Close();
        }
        else
        {
            w.Line("out[o] = index;");
        }
        w.Close();
        w.Close();
        return w.ToString();
    }
}

[OpenMpEmitter("ArgMax")]
[OpenMpEmitter("ArgMin")]
public sealed class ArgExtreme : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var lanes = ArgExtremeLanes.Of(node);
        var helper = new ArgExtremeHelper(lanes.Max ? "argmax" : "argmin", lanes.Max ? ">" : "<", node.Input(0).Type);
        yield return new KernelCall(helper, new[]
        {
            NodeContext.Threads, node.Input(0).Read, node.Output(0).Write, CLiteral.Int(lanes.Outer), CLiteral.Int(lanes.Length), CLiteral.Int(lanes.Inner), lanes.Last ? "1" : "0",
        }.ToEquatableArray());
    }
}
