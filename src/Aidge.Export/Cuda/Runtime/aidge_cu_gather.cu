/* needs: aidge_cu_grid */
/* Gather along one axis: the data seen as [outer, axis, inner], the output as [outer, count, inner]; output element
   (o, j, e) copies data (o, indices[j], e), a negative index counting from the end. An index still outside the axis
   (invalid ONNX) gives 0 rather than a read outside the buffer. Instantiated per element size and index type. */
template <typename Word, typename Index>
static __global__ void aidge_cu_gather_kernel(const Word* in, const Index* indices, Word* out, long long axis, long long count, long long inner, long long n)
{
    AIDGE_CU_FOR(i, n)
    {
        const long long e = i % inner;
        const long long row = i / inner;
        long long index = (long long)indices[row % count];
        index = index < 0 ? index + axis : index;
        out[i] = index >= 0 && index < axis ? in[((row / count) * axis + index) * inner + e] : (Word)0;
    }
}

template <typename Index>
static void aidge_cu_gather(const void* data, const Index* indices, void* target, int element_bytes, long long axis, long long count, long long inner, long long n, cudaStream_t stream)
{
    if (n <= 0)
    {
        return;
    }
    AIDGE_CU_WITH_WORD(element_bytes, AIDGE_LAUNCH((aidge_cu_gather_kernel<Word, Index>), aidge_cu_grid(n), AIDGE_CU_THREADS, stream, (const Word*)data, indices, (Word*)target, axis, count, inner, n));
}
