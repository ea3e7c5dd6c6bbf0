/* needs: aidge_fast aidge_activation_f32 */
/* One output plane of a direct convolution: plane = bias + sum over the channels of x and the kernel offsets of
   w * (shifted x), one output row at a time so the row stays in L1. Where every kernel column of a row falls inside
   the input and the stride is 1 (the interior of the row, most of it), 16 outputs at a time are accumulated in
   registers over all the taps of the row and stored once; the edges, and strided rows, add one tap at a time over
   the output columns whose input is inside the image (no padding branch in the inner loop). Once a row has all its
   taps, it goes through the activation `act` (FusedConv) while it is still in L1. */
#define AIDGE_CONV_LANES 16
AIDGE_FAST
static void aidge_conv_plane_f32(const float* x, int64_t channels, const float* w, float bias, float* plane,
                                 const int64_t* in, const int64_t* out, const int64_t* kernel,
                                 const int64_t* stride, const int64_t* dilation, const int64_t* pad,
                                 int act, float p0, float p1)
{
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t k_size = kernel[0] * kernel[1] * kernel[2];
    /* [inner_lo, inner_hi): the output columns whose every kernel column is inside the row (at stride 1), rounded to
       whole chunks of 16; the tap-at-a-time path covers the rest. */
    int64_t inner_lo = out[2], inner_hi = out[2];
    if (stride[2] == 1) {
        inner_lo = pad[2];
        inner_hi = in[2] + pad[2] - (kernel[2] - 1) * dilation[2];
        inner_hi = inner_hi < out[2] ? inner_hi : out[2];
        inner_hi = inner_hi > inner_lo ? inner_lo + (inner_hi - inner_lo) / AIDGE_CONV_LANES * AIDGE_CONV_LANES : inner_lo;
    }
    for (int64_t od = 0; od < out[0]; od++) {
        for (int64_t oh = 0; oh < out[1]; oh++) {
            float* yrow = plane + (od * out[1] + oh) * out[2];
            for (int64_t ow = 0; ow < out[2]; ow++) {
                yrow[ow] = bias;
            }
            for (int64_t c = 0; c < channels; c++) {
                for (int64_t kd = 0; kd < kernel[0]; kd++) {
                    const int64_t id = od * stride[0] + kd * dilation[0] - pad[0];
                    for (int64_t kh = 0; kh < kernel[1] && id >= 0 && id < in[0]; kh++) {
                        const int64_t ih = oh * stride[1] + kh * dilation[1] - pad[1];
                        if (ih < 0 || ih >= in[1]) {
                            continue;
                        }
                        const float* xrow = x + c * in_size + (id * in[1] + ih) * in[2];
                        const float* wrow = w + c * k_size + (kd * kernel[1] + kh) * kernel[2];
                        for (int64_t kw = 0; kw < kernel[2]; kw++) {
                            const float wv = wrow[kw];
                            const int64_t shift = kw * dilation[2] - pad[2];
                            int64_t lo = shift >= 0 ? 0 : (-shift + stride[2] - 1) / stride[2];
                            const int64_t last = in[2] - 1 - shift;
                            int64_t hi = last < 0 ? 0 : last / stride[2] + 1;
                            hi = hi < out[2] ? hi : out[2];
                            /* The edges only: [lo, inner_lo) and [inner_hi, hi). */
                            for (int64_t ow = lo; ow < hi && ow < inner_lo; ow++) {
                                yrow[ow] += wv * xrow[ow * stride[2] + shift];
                            }
                            for (int64_t ow = inner_hi > lo ? inner_hi : lo; ow < hi; ow++) {
                                yrow[ow] += wv * xrow[ow * stride[2] + shift];
                            }
                        }
                        for (int64_t ow0 = inner_lo; ow0 < inner_hi; ow0 += AIDGE_CONV_LANES) {
                            float acc[AIDGE_CONV_LANES];
                            for (int j = 0; j < AIDGE_CONV_LANES; j++) {
                                acc[j] = yrow[ow0 + j];
                            }
                            for (int64_t kw = 0; kw < kernel[2]; kw++) {
                                const float wv = wrow[kw];
                                const float* xs = xrow + ow0 + kw * dilation[2] - pad[2];
                                #pragma omp simd
                                for (int j = 0; j < AIDGE_CONV_LANES; j++) {
                                    acc[j] += wv * xs[j];
                                }
                            }
                            for (int j = 0; j < AIDGE_CONV_LANES; j++) {
                                yrow[ow0 + j] = acc[j];
                            }
                        }
                    }
                }
            }
            aidge_activate_f32(act, p0, p1, yrow, out[2]);
        }
    }
}
