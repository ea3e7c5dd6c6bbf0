using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>
/// A generated CUDA elementwise helper: a <c>__global__</c> kernel applying one expression of the shared tables
/// (<see cref="UnaryRows"/>, <see cref="BinaryRows"/>) per element in a grid-stride loop, and its host launcher
/// <c>aidge_cu_&lt;op&gt;_&lt;types&gt;(..., stream)</c>. Unary kernels read <c>x</c> (and the node's <c>alpha</c>,
/// <c>beta</c>); binary ones read <c>a</c> and <c>b</c> through broadcast offsets.
/// </summary>
public sealed record CudaElementwiseKernel(string Op, DataType Input, DataType? Second, DataType Output, string Expression) : CHelper
{
    public override string Name =>
        $"aidge_cu_{Op}_{CTypes.Tag(Input)}{(Second is { } s && s != Input ? "_by_" + CTypes.Tag(s) : string.Empty)}{(Output == Input ? string.Empty : "_" + CTypes.Tag(Output))}";

    public override IEnumerable<CHelper> Needs => [Second is null ? new CudaRuntimeHelper("aidge_cu_grid") : CudaBroadcast.Helper];

    public static CudaElementwiseKernel Unary(UnaryOperation operation) => new(operation.Key, operation.Input, null, operation.Output, operation.Expression);

    public override string Code()
    {
        string t = CTypes.Of(Input)!;
        string u = CTypes.Of(Output)!;
        var w = new CSourceWriter();
        if (Second is not { } second)
        {
            w.Open($"static __global__ void {Name}_kernel(const {t}* in, {u}* out, long long n, double alpha, double beta)");
            w.Line("(void)alpha;");
            w.Line("(void)beta;");
            w.Open("AIDGE_CU_FOR(i, n)");
            w.Line($"const {t} x = in[i];");
            w.Line($"out[i] = ({u})({Expression});");
            w.Close();
            w.Close();
            w.Open($"static void {Name}(const {t}* in, {u}* out, long long n, double alpha, double beta, cudaStream_t stream)");
            w.Line($"AIDGE_LAUNCH({Name}_kernel, aidge_cu_grid(n), AIDGE_CU_THREADS, stream, in, out, n, alpha, beta);");
            w.Close();
            return w.ToString();
        }
        string s = CTypes.Of(second)!;
        w.Open($"static __global__ void {Name}_kernel(const {t}* pa, const {s}* pb, {u}* out, long long n, aidge_cu_broadcast g)");
        w.Open("AIDGE_CU_FOR(i, n)");
        w.Line("long long offsets[2];");
        w.Line("aidge_cu_broadcast_offsets(g, i, offsets, 2);");
        w.Line($"const {t} a = pa[offsets[0]];");
        w.Line($"const {s} b = pb[offsets[1]];");
        w.Line($"out[i] = ({u})({Expression});");
        w.Close();
        w.Close();
        w.Open($"static void {Name}(const {t}* pa, const {s}* pb, {u}* out, long long n, aidge_cu_broadcast g, cudaStream_t stream)");
        w.Line($"AIDGE_LAUNCH({Name}_kernel, aidge_cu_grid(n), AIDGE_CU_THREADS, stream, pa, pb, out, n, g);");
        w.Close();
        return w.ToString();
    }

    /// <summary>A unary call over every element of <paramref name="input"/>.</summary>
    public KernelCall Call(TensorRef input, TensorRef output, double alpha = 0, double beta = 0) =>
        new(this, new[] { input.Read, output.Write, CLiteral.Int(output.ElementCount), CLiteral.Double(alpha), CLiteral.Double(beta), CudaNode.Stream }.ToEquatableArray());

    /// <summary>A binary call, <paramref name="b"/> read at <paramref name="bDims"/> (default: its own dims), both broadcast to the output.</summary>
    public KernelCall Call(NodeContext node, TensorRef a, TensorRef b, TensorRef output, long[]? bDims = null) =>
        new(this, new[]
        {
            a.Read, b.Read, output.Write, CLiteral.Int(output.ElementCount), CudaBroadcast.Literal(node, output, a.Dims.ToArray(), bDims ?? b.Dims.ToArray()), CudaNode.Stream,
        }.ToEquatableArray());
}
