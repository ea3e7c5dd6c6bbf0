/* The parameters of a quantized convolution or GEMM (ai.aidge QConv / QGemm), one value per output channel where
   there are several. The input's bytes are read as uint8: int8 ones with their sign bit flipped (x + 128, x_signed),
   so one set of kernels (vpdpbusd multiplies unsigned by signed bytes) serves both, with the zero point moved alike.
   correction[m] = (x_zero_point + 128·x_signed)·Σ_k w[m][k] turns the kernels' Σ x·w into Σ (x − x_zero_point)·w;
   the emitter computes it when compiling, from the constant weights. */
typedef struct {
    int32_t x_zero_point;
    int x_signed;
    const int32_t* bias;
    const int32_t* correction;
    const int32_t* multiplier;
    const int32_t* shift;
    int32_t y_zero_point;
    int32_t y_min;
    int32_t y_max;
} aidge_qparams;

/* Requantization, the formula of Core's Requantization, so that the simulator and this code agree bit for bit:
   y = clamp(y_zero_point + RoundShift((int64)acc · multiplier, 31 + shift), y_min, y_max) with
   RoundShift(v, n) = (v + 2^(n-1)) >> n, an arithmetic shift. The product stays below 2^62 (multiplier < 2^31).
   The clamp, which the emitter keeps inside the output type, leaves a value whose low byte is its uint8 or int8 bits. */
static inline uint8_t aidge_requantize(int32_t acc, int32_t multiplier, int32_t shift, int32_t y_zero_point, int32_t y_min, int32_t y_max)
{
    const int n = 31 + shift;
    int64_t v = y_zero_point + ((((int64_t)acc * multiplier) + ((int64_t)1 << (n - 1))) >> n);
    v = v < y_min ? y_min : v > y_max ? y_max : v;
    return (uint8_t)v;
}

/* Requantizes count accumulators of output channel m into y[0], y[stride], ...; add holds what the kernel left out
   (bias − correction). Sums wrap as int32 arithmetic does, in unsigned to keep C's overflow rules out of it. */
static void aidge_requantize_row(const int32_t* acc, int64_t count, int32_t add, const aidge_qparams* q, int64_t m, uint8_t* y, int64_t stride)
{
    const int32_t multiplier = q->multiplier[m], shift = q->shift[m];
    for (int64_t i = 0; i < count; i++) {
        y[i * stride] = aidge_requantize((int32_t)((uint32_t)acc[i] + (uint32_t)add), multiplier, shift, q->y_zero_point, q->y_min, q->y_max);
    }
}

/* bias[m] − correction[m]: what a row of Σ x·w sums needs before requantization. */
static int32_t aidge_qchannel_offset(const aidge_qparams* q, int64_t m)
{
    return (int32_t)((uint32_t)(q->bias != NULL ? q->bias[m] : 0) - (uint32_t)(q->correction != NULL ? q->correction[m] : 0));
}
