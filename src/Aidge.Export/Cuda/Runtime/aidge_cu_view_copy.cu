/* needs: aidge_cu_grid */
/* One strided view of a tensor copied into a strided view of another: target[to + sum i_k dst_k] = source[from +
   sum i_k src_k] over the index space dims (rank at most AIDGE_CU_MAX_RANK). Strides may be 0 (broadcast) or
   negative (reversed). Slice, Transpose, Expand, Concat and constant Pad are all such views. Only bytes move, so the
   kernel is instantiated per element size. */
struct aidge_cu_view
{
    int rank;
    long long dims[AIDGE_CU_MAX_RANK];
    long long src[AIDGE_CU_MAX_RANK];
    long long dst[AIDGE_CU_MAX_RANK];
};

template <typename Word>
static __global__ void aidge_cu_view_copy_kernel(const Word* in, Word* out, long long n, aidge_cu_view v)
{
    AIDGE_CU_FOR(i, n)
    {
        long long rest = i, s = 0, d = 0;
        for (int k = v.rank - 1; k >= 0; k--)
        {
            const long long index = rest % v.dims[k];
            rest /= v.dims[k];
            s += index * v.src[k];
            d += index * v.dst[k];
        }
        out[d] = in[s];
    }
}

static void aidge_cu_view_copy(const void* source, long long from, void* target, long long to, int element_bytes, long long n, aidge_cu_view v, cudaStream_t stream)
{
    if (n <= 0)
    {
        return;
    }
    AIDGE_CU_WITH_WORD(element_bytes, AIDGE_LAUNCH(aidge_cu_view_copy_kernel<Word>, aidge_cu_grid(n), AIDGE_CU_THREADS, stream, (const Word*)source + from, (Word*)target + to, n, v));
}
