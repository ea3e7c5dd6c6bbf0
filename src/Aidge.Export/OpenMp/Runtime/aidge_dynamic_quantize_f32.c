/* DynamicQuantizeLinear: uint8 quantization of x over its own range widened to include 0, as the simulator computes
   it: scale = (max(x, 0) − min(x, 0)) / 255 in float32, zero_point = saturate(round(−min / scale)), and
   y = saturate(round(x / scale) + zero_point), ties to even (nearbyint under the default rounding mode), the
   quotients in float32. A NaN in x makes the range NaN, as Math.Min/Max do; an all-zero x quantizes to 0. */
static void aidge_dynamic_quantize_f32(int threads, const float* x, uint8_t* y, float* y_scale, uint8_t* y_zero_point, int64_t n)
{
    float min = 0.0f, max = 0.0f;
    for (int64_t i = 0; i < n; i++) {
        min = x[i] != x[i] || min != min ? NAN : x[i] < min ? x[i] : min;
        max = x[i] != x[i] || max != max ? NAN : x[i] > max ? x[i] : max;
    }
    const float scale = (max - min) / 255.0f;
    double zero = 0.0;
    if (scale != 0.0f) {
        zero = nearbyint((double)(-min / scale));
        zero = zero != zero ? 0.0 : zero < 0.0 ? 0.0 : zero > 255.0 ? 255.0 : zero;
    }
    #pragma omp parallel for num_threads(threads) if (n > 32768)
    for (int64_t i = 0; i < n; i++) {
        const double r = scale == 0.0f ? 0.0 : nearbyint((double)(x[i] / scale)) + zero;
        y[i] = r != r ? 0 : r <= 0.0 ? 0 : r >= 255.0 ? 255 : (uint8_t)r;
    }
    *y_scale = scale;
    *y_zero_point = (uint8_t)zero;
}
