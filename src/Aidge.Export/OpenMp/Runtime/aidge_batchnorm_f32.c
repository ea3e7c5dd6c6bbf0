/* Inference batch normalization: y = (x - mean) / sqrt(var + epsilon) * scale + bias per channel of [n, c, spatial]. */
static void aidge_batchnorm_f32(int threads, const float* x, const float* scale, const float* bias, const float* mean,
                                const float* var, float* y, int64_t n, int64_t c, int64_t spatial, float epsilon)
{
    #pragma omp parallel for num_threads(threads) schedule(static) if (n * c * spatial > 32768)
    for (int64_t t = 0; t < n * c; t++) {
        const int64_t ch = t % c;
        const float a = scale[ch] / sqrtf(var[ch] + epsilon);
        const float b = bias[ch] - mean[ch] * a;
        const float* xs = x + t * spatial;
        float* ys = y + t * spatial;
        #pragma omp simd
        for (int64_t i = 0; i < spatial; i++) {
            ys[i] = xs[i] * a + b;
        }
    }
}
