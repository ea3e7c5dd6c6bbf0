using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Reduction;

/// <summary>
/// A reduction whose axes (int64, in device memory) are known only at run time: each block splits the input's dims into
/// kept and reduced ones itself (<c>aidge_cu_reduce_split</c>, the same answer in every thread, so the body's barriers
/// stay uniform) and runs the body of <see cref="Reduction"/>; with no axes it reduces everything, or copies the input
/// when noop is set. The output size was fixed by shape inference.
/// </summary>
public sealed record CudaReduceRunTimeAxes(CudaReduceKernel Reduction) : CHelper
{
    public override string Name => $"{Reduction.Name}_run_time_axes";

    public override IEnumerable<CHelper> Needs => [Reduction, new CudaRuntimeHelper("aidge_cu_reduce_split")];

    public override string Code()
    {
        string t = CTypes.Of(Reduction.Operation.Type)!;
        var w = new CSourceWriter();
        w.Open($"static __global__ void {Name}_kernel(const {t}* in, {t}* out, long long n, aidge_cu_reduce_shape s, const int64_t* axes, long long axis_count, int noop)");
        w.Line("aidge_cu_reduce_axes g;");
        w.Open("if (aidge_cu_reduce_split(s, axes, axis_count, noop, &g))");
        w.Line($"{Reduction.Name}_body(in, out, n, g);");
        w.Close();
        w.Open("else");
        w.Open("AIDGE_CU_FOR(i, n)");
        w.Line("out[i] = in[i];");
        w.Close();
        w.Close();
        w.Close();
        w.Open($"static void {Name}(const {t}* in, {t}* out, long long n, aidge_cu_reduce_shape s, const int64_t* axes, long long axis_count, int noop, cudaStream_t stream)");
        w.Open("if (n > 0)");
        w.Line($"AIDGE_LAUNCH({Name}_kernel, n < AIDGE_CU_MAX_BLOCKS ? (unsigned int)n : AIDGE_CU_MAX_BLOCKS, AIDGE_CU_THREADS, stream, in, out, n, s, axes, axis_count, noop);");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
