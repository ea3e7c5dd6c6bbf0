/* needs: aidge_cu_grid */
/* GatherElements: the output has the indices' dims, and element o reads the data at its own coordinates except along
   the axis, where indices[o] decides (negative counting from the end; one still outside the axis gives 0 rather than
   a read outside the buffer). Instantiated per element size and index type. */
struct aidge_cu_element_gather
{
    int rank;
    int axis;
    long long length;
    long long dims[AIDGE_CU_MAX_RANK];
    long long strides[AIDGE_CU_MAX_RANK];
};

template <typename Word, typename Index>
static __global__ void aidge_cu_gather_elements_kernel(const Word* in, const Index* indices, Word* out, aidge_cu_element_gather g, long long n)
{
    AIDGE_CU_FOR(o, n)
    {
        long long rest = o, offset = 0;
        int inside = 1;
        for (int k = g.rank - 1; k >= 0; k--)
        {
            long long x = rest % g.dims[k];
            rest /= g.dims[k];
            if (k == g.axis)
            {
                x = (long long)indices[o];
                x = x < 0 ? x + g.length : x;
                inside = x >= 0 && x < g.length;
            }
            offset += x * g.strides[k];
        }
        out[o] = inside ? in[offset] : (Word)0;
    }
}

template <typename Index>
static void aidge_cu_gather_elements(const void* data, const Index* indices, void* target, int element_bytes, aidge_cu_element_gather g, long long n, cudaStream_t stream)
{
    if (n <= 0)
    {
        return;
    }
    AIDGE_CU_WITH_WORD(element_bytes, AIDGE_LAUNCH((aidge_cu_gather_elements_kernel<Word, Index>), aidge_cu_grid(n), AIDGE_CU_THREADS, stream, (const Word*)data, indices, (Word*)target, g, n));
}
