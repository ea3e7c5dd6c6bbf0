/* needs: aidge_cu_grid */
/* Inference batch normalization of [n, c, spatial]: y = x * a + b per channel with a = scale / sqrt(var + epsilon)
   and b = bias - mean * a, the float arithmetic of the OpenMP kernel, so both round alike. */
static __global__ void aidge_cu_batchnorm_f32_kernel(const float* x, const float* scale, const float* bias, const float* mean, const float* var, float* y,
                                                     long long channels, long long spatial, float epsilon, long long total)
{
    AIDGE_CU_FOR(i, total)
    {
        const long long ch = i / spatial % channels;
        const float a = scale[ch] / sqrtf(var[ch] + epsilon);
        const float b = bias[ch] - mean[ch] * a;
        y[i] = x[i] * a + b;
    }
}

static void aidge_cu_batchnorm_f32(const float* x, const float* scale, const float* bias, const float* mean, const float* var, float* y,
                                   long long n, long long channels, long long spatial, float epsilon, cudaStream_t stream)
{
    const long long total = n * channels * spatial;
    if (total > 0)
    {
        AIDGE_LAUNCH(aidge_cu_batchnorm_f32_kernel, aidge_cu_grid(total), AIDGE_CU_THREADS, stream, x, scale, bias, mean, var, y, channels, spatial, epsilon, total);
    }
}
