/* needs: aidge_cu_broadcast */
/* out = condition ? x : y with the three inputs broadcast to the output (NumPy rules); only bytes move, so the kernel
   is instantiated per element size. */
template <typename Word>
static __global__ void aidge_cu_where_kernel(const uint8_t* condition, const Word* x, const Word* y, Word* out, long long n, aidge_cu_broadcast g)
{
    AIDGE_CU_FOR(i, n)
    {
        long long offsets[3];
        aidge_cu_broadcast_offsets(g, i, offsets, 3);
        out[i] = condition[offsets[0]] ? x[offsets[1]] : y[offsets[2]];
    }
}

static void aidge_cu_where(const uint8_t* condition, const void* x, const void* y, void* out, int element_bytes, long long n, aidge_cu_broadcast g, cudaStream_t stream)
{
    if (n <= 0)
    {
        return;
    }
    AIDGE_CU_WITH_WORD(element_bytes, AIDGE_LAUNCH(aidge_cu_where_kernel<Word>, aidge_cu_grid(n), AIDGE_CU_THREADS, stream, condition, (const Word*)x, (const Word*)y, (Word*)out, n, g));
}
