/* needs: aidge_cu_grid */
/* DequantizeLinear per tensor or per axis: element i uses entry (i / inner) % channels of the scale and zero point;
   the difference is exact and the product float32, as the simulator computes it. */
template <typename TX, typename TS>
static __global__ void aidge_cu_dequantize_kernel(const TX* x, const TS* scale, const TX* zero_point, float* y, long long channels, long long inner, long long n)
{
    AIDGE_CU_FOR(i, n)
    {
        const long long c = i / inner % channels;
        const float s = (float)scale[c];
        const double zero = zero_point != 0 ? (double)zero_point[c] : 0.0;
        y[i] = (float)((double)x[i] - zero) * s;
    }
}

template <typename TX, typename TS>
static void aidge_cu_dequantize(const TX* x, const TS* scale, const TX* zero_point, float* y, long long channels, long long inner, long long n, cudaStream_t stream)
{
    if (n > 0)
    {
        AIDGE_LAUNCH((aidge_cu_dequantize_kernel<TX, TS>), aidge_cu_grid(n), AIDGE_CU_THREADS, stream, x, scale, zero_point, y, channels, inner, n);
    }
}
