using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// An elementwise function over one tensor: <c>y[i] = f(x)</c> where the C expression reads <c>x</c> (and the node's
/// <c>alpha</c>/<c>beta</c>, passed as arguments so one helper serves every node of the op and type).
/// </summary>
public sealed record UnaryHelper(string Op, DataType Input, DataType Output, string Expression) : ElementwiseHelper(Op, Input, Output, Expression)
{
    public override string Code()
    {
        string t = InputType;
        string u = OutputType;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* in, {u}* out, int64_t n, double alpha, double beta)");
        w.Line("(void)alpha; (void)beta;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 32768)");
        w.Open("for (int64_t i = 0; i < n; i++)");
        w.Line($"const {ComputeType(Input)} x = {Load(Input, "in[i]")};");
        w.Line($"out[i] = {Store(Expression)};");
        w.Close();
        w.Close();
        return w.ToString();
    }

    public KernelCall Call(TensorRef input, TensorRef output, double alpha = 0, double beta = 0) =>
        new(this, new[] { NodeContext.Threads, input.Read, output.Write, CLiteral.Int(output.ElementCount), CLiteral.Double(alpha), CLiteral.Double(beta) }.ToEquatableArray());
}
