/* Softmax (or log-softmax) along an axis of length len, for [outer, len, inner] data; the maximum is subtracted
   first so large inputs do not overflow. */
static void aidge_softmax_f32(int threads, const float* x, float* y, int64_t outer, int64_t len, int64_t inner, int log_output)
{
    #pragma omp parallel for num_threads(threads) schedule(static) if (outer * len * inner > 32768)
    for (int64_t t = 0; t < outer * inner; t++) {
        const int64_t o = t / inner;
        const int64_t i = t % inner;
        const float* xs = x + o * len * inner + i;
        float* ys = y + o * len * inner + i;
        float max = -INFINITY;
        for (int64_t j = 0; j < len; j++) {
            max = xs[j * inner] > max ? xs[j * inner] : max;
        }
        float sum = 0.0f;
        for (int64_t j = 0; j < len; j++) {
            const float e = expf(xs[j * inner] - max);
            ys[j * inner] = e;
            sum += e;
        }
        if (log_output) {
            const float log_sum = logf(sum);
            for (int64_t j = 0; j < len; j++) {
                ys[j * inner] = xs[j * inner] - max - log_sum;
            }
        } else {
            for (int64_t j = 0; j < len; j++) {
                ys[j * inner] /= sum;
            }
        }
    }
}
