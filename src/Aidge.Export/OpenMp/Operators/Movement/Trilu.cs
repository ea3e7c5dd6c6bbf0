using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Keeps the upper (c − r ≥ k) or lower (c − r ≤ k) triangle of each [rows, cols] matrix and zeroes the rest.
/// Generated per element size: zero is all-zero bytes in every element type.
/// </summary>
public sealed record TriluHelper(int ElementBytes) : CHelper
{
    public override string Name => $"aidge_trilu_{ElementBytes * 8}";

    public override string Code()
    {
        string word = $"uint{ElementBytes * 8}_t";
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const void* source, void* target, int64_t matrices, int64_t rows, int64_t cols, int64_t k, int upper)");
        w.Line($"const {word}* in = (const {word}*)source;");
        w.Line($"{word}* out = ({word}*)target;");
        w.Line("#pragma omp parallel for num_threads(threads) if (matrices * rows * cols > 65536)");
        w.Open("for (int64_t row = 0; row < matrices * rows; row++)");
        w.Line("const int64_t r = row % rows;");
        w.Open("for (int64_t c = 0; c < cols; c++)");
        w.Line("const int keep = upper ? c - r >= k : c - r <= k;");
        w.Line("out[row * cols + c] = keep ? in[row * cols + c] : 0;");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}

/// <summary>Trilu of any element type; k (input 1, default 0) may be known only at run time.</summary>
[OpenMpEmitter("Trilu")]
public sealed class Trilu : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var t = TriluShape.Of(node);
        string k = t.KTensor is { } runtime ? $"{runtime.Read}[0]" : CLiteral.Int(t.K);
        yield return new KernelCall(new TriluHelper(input.Type.SizeOf()), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, CLiteral.Int(t.Matrices), CLiteral.Int(t.Rows), CLiteral.Int(t.Cols), k, t.Upper ? "1" : "0",
        }.ToEquatableArray());
    }
}
