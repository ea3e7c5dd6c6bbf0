/* needs: aidge_cu_grid */
/* Sets every element of a tensor to one value: *value when the pointer (device memory: a constant or a run-time
   scalar) is not null, else the constant fallback (an attribute, or 0). Templated on the element type, which the
   launcher deduces from the output pointer. */
template <typename T>
static __global__ void aidge_cu_fill_kernel(T* out, long long n, const T* value, double fallback)
{
    const T v = value != 0 ? *value : (T)fallback;
    AIDGE_CU_FOR(i, n)
    {
        out[i] = v;
    }
}

template <typename T>
static void aidge_cu_fill(T* out, long long n, const T* value, double fallback, cudaStream_t stream)
{
    if (n > 0)
    {
        AIDGE_LAUNCH(aidge_cu_fill_kernel<T>, aidge_cu_grid(n), AIDGE_CU_THREADS, stream, out, n, value, fallback);
    }
}
