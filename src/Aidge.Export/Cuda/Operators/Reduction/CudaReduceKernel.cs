using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Reduction;

/// <summary>
/// A generated reduction (<c>aidge_cu_reduce_&lt;op&gt;_&lt;type&gt;</c>) from a row of the shared <see cref="ReduceRows"/>:
/// one block per output element (grid-stride over outputs), each thread folding a strided share of the reduced
/// elements with the row's step, then the block's partial accumulators combined in shared memory with the row's
/// combine, and the final value stored by thread 0. The geometry (<c>aidge_cu_reduce_axes</c>) comes by value.
/// </summary>
public sealed record CudaReduceKernel(ReduceOperation Operation) : CHelper
{
    public override string Name => $"aidge_cu_reduce_{Operation.Op}_{CTypes.Tag(Operation.Type)}";

    public override IEnumerable<CHelper> Needs => [new CudaRuntimeHelper("aidge_cu_reduce_axes")];

    public override string Code()
    {
        string t = CTypes.Of(Operation.Type)!;
        string acc = Operation.Accumulator;
        var w = new CSourceWriter();
        w.Open($"static __global__ void {Name}_kernel(const {t}* in, {t}* out, long long n, aidge_cu_reduce_axes g)");
        w.Line($"__shared__ {acc} partial[AIDGE_CU_THREADS];");
        w.Line("const long long count = g.count;");
        w.Comment("The output loop is the same for every thread of a block, so all of them reach each barrier.");
        w.Open("for (long long o = blockIdx.x; o < n; o += gridDim.x)");
        w.Line("const long long base = aidge_cu_reduce_offset(g.kept_rank, g.kept_dims, g.kept_strides, o);");
        w.Line($"{acc} acc = {Operation.Initial};");
        w.Open("for (long long r = threadIdx.x; r < count; r += blockDim.x)");
        w.Line($"const {t} x = in[base + aidge_cu_reduce_offset(g.rank, g.dims, g.strides, r)];");
        w.Line($"{Operation.Step};");
        w.Close();
        w.Line("partial[threadIdx.x] = acc;");
        w.Line("__syncthreads();");
        w.Open("for (unsigned int width = AIDGE_CU_THREADS / 2; width > 0; width /= 2)");
        w.Open("if (threadIdx.x < width)");
        w.Line($"const {acc} other = partial[threadIdx.x + width];");
        w.Line("acc = partial[threadIdx.x];");
        w.Line($"{Operation.Combine};");
        w.Line("partial[threadIdx.x] = acc;");
        w.Close();
        w.Line("__syncthreads();");
        w.Close();
        w.Open("if (threadIdx.x == 0)");
        w.Line("acc = partial[0];");
        w.Line($"out[o] = ({t})({Operation.Final});");
        w.Close();
        w.Line("__syncthreads();");
        w.Close();
        w.Close();
        w.Open($"static void {Name}(const {t}* in, {t}* out, long long n, aidge_cu_reduce_axes g, cudaStream_t stream)");
        w.Open("if (n > 0)");
        w.Line($"AIDGE_LAUNCH({Name}_kernel, n < AIDGE_CU_MAX_BLOCKS ? (unsigned int)n : AIDGE_CU_MAX_BLOCKS, AIDGE_CU_THREADS, stream, in, out, n, g);");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
