/* needs: aidge_cu_grid */
/* QuantizeLinear per tensor or per axis: element i uses entry (i / inner) % channels of the scale and zero point. The
   arithmetic is the simulator's: divide in float32 (in double when in_double), round half to even, add the zero point,
   saturate to [y_min, y_max], NaN to 0. */
template <typename TX, typename TS, typename TY>
static __global__ void aidge_cu_quantize_kernel(const TX* x, const TS* scale, const TY* zero_point, TY* y, long long channels, long long inner,
                                                int in_double, double y_min, double y_max, long long n)
{
    AIDGE_CU_FOR(i, n)
    {
        const long long c = i / inner % channels;
        const double s = scale[c];
        const double zero = zero_point != 0 ? (double)zero_point[c] : 0.0;
        const double v = x[i];
        const double r = nearbyint(in_double ? v / s : (double)((float)v / (float)s)) + zero;
        y[i] = r != r ? (TY)0 : r <= y_min ? (TY)y_min : r >= y_max ? (TY)y_max : (TY)r;
    }
}

template <typename TX, typename TS, typename TY>
static void aidge_cu_quantize(const TX* x, const TS* scale, const TY* zero_point, TY* y, long long channels, long long inner, int in_double,
                              double y_min, double y_max, long long n, cudaStream_t stream)
{
    if (n > 0)
    {
        AIDGE_LAUNCH((aidge_cu_quantize_kernel<TX, TS, TY>), aidge_cu_grid(n), AIDGE_CU_THREADS, stream, x, scale, zero_point, y, channels, inner, in_double, y_min, y_max, n);
    }
}
