using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Selection;

/// <summary>
/// <c>out = condition ? x : y</c> with the three inputs broadcast to the output (NumPy rules). Each input is read
/// through its broadcast strides, found per output element from its coordinates. Generated per element size.
/// </summary>
public sealed record WhereHelper(int ElementBytes) : CHelper
{
    public override string Name => $"aidge_where_{ElementBytes * 8}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const uint8_t* condition, const void* px, const void* py, void* target, int rank, const int64_t* dims, const int64_t* strides, int64_t n)");
        w.Comment("strides holds three rows of rank entries: condition, x, y.");
        w.Line($"const {word}* x = (const {word}*)px;");
        w.Line($"const {word}* y = (const {word}*)py;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 65536)");
        w.Open("for (int64_t o = 0; o < n; o++)");
        w.Line("int64_t rest = o, c = 0, a = 0, b = 0;");
        w.Open("for (int k = rank - 1; k >= 0; k--)");
        w.Line("const int64_t index = rest % dims[k];");
        w.Line("rest /= dims[k];");
        w.Line("c += index * strides[k];");
        w.Line("a += index * strides[rank + k];");
        w.Line("b += index * strides[2 * rank + k];");
        w.Close();
        w.Line("out[o] = condition[c] ? x[a] : y[b];");
        w.Close();
        w.Close();
        return w.ToString();
    }
}

[OpenMpEmitter("Where")]
public sealed class Where : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var condition = node.Input(0);
        var x = node.Input(1);
        var y = node.Input(2);
        var output = node.Output(0);
        node.RequireType(condition, DataType.Bool);
        var dims = output.Dims.ToArray();
        var strides = new[] { condition, x, y }.SelectMany(t => BroadcastStrides.Of(t.Dims.ToArray(), dims));
        yield return new KernelCall(new WhereHelper(x.Type.SizeOf()), new[]
        {
            NodeContext.Threads, condition.Read, x.Read, y.Read, output.Write, dims.Length.ToString(CultureInfo.InvariantCulture),
            CLiteral.Int64Array(dims), CLiteral.Int64Array(strides), CLiteral.Int(output.ElementCount),
        }.ToEquatableArray());
    }
}
