/* needs: aidge_cu_grid */
/* ArgMax / ArgMin: the int64 index of the largest (Max = 1) or smallest element of each lane of [outer, axis, inner],
   one thread per lane; ties go to the first index, or the last when `last` is set. */
template <typename T, int Max>
static __global__ void aidge_cu_arg_extreme_kernel(const T* in, int64_t* out, long long axis, long long inner, int last, long long lanes)
{
    AIDGE_CU_FOR(o, lanes)
    {
        const T* lane = in + (o / inner) * axis * inner + o % inner;
        T best = lane[0];
        long long index = 0;
        for (long long a = 1; a < axis; a++)
        {
            const T x = lane[a * inner];
            if ((Max ? x > best : x < best) || (last && x == best))
            {
                best = x;
                index = a;
            }
        }
        out[o] = index;
    }
}

template <typename T>
static void aidge_cu_arg_extreme(const T* in, int64_t* out, int max, long long axis, long long inner, int last, long long lanes, cudaStream_t stream)
{
    if (lanes <= 0)
    {
        return;
    }
    if (max)
    {
        AIDGE_LAUNCH((aidge_cu_arg_extreme_kernel<T, 1>), aidge_cu_grid(lanes), AIDGE_CU_THREADS, stream, in, out, axis, inner, last, lanes);
    }
    else
    {
        AIDGE_LAUNCH((aidge_cu_arg_extreme_kernel<T, 0>), aidge_cu_grid(lanes), AIDGE_CU_THREADS, stream, in, out, axis, inner, last, lanes);
    }
}
