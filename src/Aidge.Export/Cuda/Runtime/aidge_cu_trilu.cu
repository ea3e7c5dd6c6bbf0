/* needs: aidge_cu_grid */
/* Trilu: keeps the upper (c - r >= k) or lower (c - r <= k) triangle of each [rows, cols] matrix and zeroes the rest;
   k is read on the device from k_tensor when it is known only at run time. Only bytes move (zero is all-zero bytes in
   every type), so the kernel is instantiated per element size. */
template <typename Word>
static __global__ void aidge_cu_trilu_kernel(const Word* in, Word* out, long long rows, long long cols, long long k, const int64_t* k_tensor, int upper, long long n)
{
    const long long diagonal = k_tensor != 0 ? (long long)k_tensor[0] : k;
    AIDGE_CU_FOR(i, n)
    {
        const long long c = i % cols;
        const long long r = i / cols % rows;
        const int keep = upper ? c - r >= diagonal : c - r <= diagonal;
        out[i] = keep ? in[i] : (Word)0;
    }
}

static void aidge_cu_trilu(const void* source, void* target, int element_bytes, long long rows, long long cols, long long k, const int64_t* k_tensor, int upper, long long n,
                           cudaStream_t stream)
{
    if (n <= 0)
    {
        return;
    }
    AIDGE_CU_WITH_WORD(element_bytes, AIDGE_LAUNCH(aidge_cu_trilu_kernel<Word>, aidge_cu_grid(n), AIDGE_CU_THREADS, stream, (const Word*)source, (Word*)target, rows, cols, k, k_tensor, upper, n));
}
