using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// An elementwise function of two tensors with multidirectional (NumPy) broadcasting: <c>y = f(a, b)</c>. The planner
/// passes the output dims and each input's strides over them (0 along broadcast dims); the innermost dim runs as a
/// plain strided loop, so the same-shape and scalar cases vectorize.
/// </summary>
public sealed record BinaryHelper(string Op, DataType Input, DataType Second, DataType Output, string Expression) : ElementwiseHelper(Op, Input, Output, Expression)
{
    /// <summary>The second input's type is in the name only when it differs (Pow of float by int).</summary>
    public override string Name => Second == Input ? base.Name : $"{base.Name}_by_{CTypes.Tag(Second)}";

    protected override IEnumerable<DataType> Types => [Input, Second, Output];

    public override string Code()
    {
        string t = InputType;
        string u = OutputType;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* pa, const {CTypes.Of(Second)}* pb, {u}* out, int rank, const int64_t* dims, const int64_t* sa, const int64_t* sb, int64_t n)");
        w.Line("const int64_t inner = rank > 0 ? dims[rank - 1] : 1;");
        w.Line("const int64_t outer = inner > 0 ? n / inner : 0;");
        w.Line("const int64_t ia = rank > 0 ? sa[rank - 1] : 0;");
        w.Line("const int64_t ib = rank > 0 ? sb[rank - 1] : 0;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 32768)");
        w.Open("for (int64_t o = 0; o < outer; o++)");
        w.Line("int64_t oa = 0, ob = 0, rest = o;");
        w.Open("for (int d = rank - 2; d >= 0; d--)");
        w.Line("const int64_t index = rest % dims[d];");
        w.Line("rest /= dims[d];");
        w.Line("oa += index * sa[d];");
        w.Line("ob += index * sb[d];");
        w.Close();
        w.Open("for (int64_t i = 0; i < inner; i++)");
        w.Line($"const {ComputeType(Input)} a = {Load(Input, "pa[oa + i * ia]")};");
        w.Line($"const {ComputeType(Second)} b = {Load(Second, "pb[ob + i * ib]")};");
        w.Line($"out[o * inner + i] = {Store(Expression)};");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The call for <paramref name="b"/> read at <paramref name="bDims"/> (default: its own dims) broadcast to the output.</summary>
    public KernelCall Call(TensorRef a, TensorRef b, TensorRef output, long[]? bDims = null)
    {
        var dims = output.Dims.ToArray();
        return new KernelCall(this, new[]
        {
            NodeContext.Threads, a.Read, b.Read, output.Write, dims.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CLiteral.Int64Array(dims), CLiteral.Int64Array(BroadcastStrides.Of(a.Dims.ToArray(), dims)), CLiteral.Int64Array(BroadcastStrides.Of(bDims ?? b.Dims.ToArray(), dims)),
            CLiteral.Int(output.ElementCount),
        }.ToEquatableArray());
    }
}
