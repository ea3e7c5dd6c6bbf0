/* needs: aidge_int8_isa aidge_requantize */
/* Direct quantized convolution, for the convolutions with one input channel per group and few outputs per group
   (depthwise), where a GEMM has nothing to reuse: one task per (image, output channel) plane. Each output row is
   computed 256 columns at a time in int32: bias, then for every tap inside the input, w·(x − x_zero_point) over the
   output columns whose input is inside the row (taps in the padding add nothing), then requantized. */
#define AIDGE_QDIRECT_COLUMNS 256
AIDGE_INT8_LOOPS
static void aidge_qconv_plane(const uint8_t* x, int64_t channels, const int8_t* w, uint8_t* plane, const aidge_qparams* q, int64_t m,
                              const int64_t* in, const int64_t* out, const int64_t* kernel,
                              const int64_t* stride, const int64_t* dilation, const int64_t* pad)
{
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t k_size = kernel[0] * kernel[1] * kernel[2];
    const uint8_t flip = q->x_signed ? 0x80 : 0;
    const int32_t zero = (int32_t)((uint8_t)q->x_zero_point ^ flip);
    const int64_t sw = stride[2];
    int32_t acc[AIDGE_QDIRECT_COLUMNS];
    for (int64_t od = 0; od < out[0]; od++) {
        for (int64_t oh = 0; oh < out[1]; oh++) {
            for (int64_t c0 = 0; c0 < out[2]; c0 += AIDGE_QDIRECT_COLUMNS) {
                const int64_t c1 = out[2] - c0 < AIDGE_QDIRECT_COLUMNS ? out[2] : c0 + AIDGE_QDIRECT_COLUMNS;
                for (int64_t ow = c0; ow < c1; ow++) {
                    acc[ow - c0] = 0;
                }
                for (int64_t c = 0; c < channels; c++) {
                    for (int64_t kd = 0; kd < kernel[0]; kd++) {
                        const int64_t id = od * stride[0] + kd * dilation[0] - pad[0];
                        for (int64_t kh = 0; kh < kernel[1] && id >= 0 && id < in[0]; kh++) {
                            const int64_t ih = oh * stride[1] + kh * dilation[1] - pad[1];
                            if (ih < 0 || ih >= in[1]) {
                                continue;
                            }
                            const uint8_t* xrow = x + c * in_size + (id * in[1] + ih) * in[2];
                            const int8_t* wrow = w + c * k_size + (kd * kernel[1] + kh) * kernel[2];
                            for (int64_t kw = 0; kw < kernel[2]; kw++) {
                                const int32_t wv = wrow[kw];
                                const int64_t shift = kw * dilation[2] - pad[2];
                                /* Output columns [lo, hi) of this chunk read inside the row. */
                                int64_t lo = shift >= 0 ? 0 : (-shift + sw - 1) / sw;
                                int64_t hi = in[2] - 1 - shift < 0 ? 0 : (in[2] - 1 - shift) / sw + 1;
                                lo = lo > c0 ? lo : c0;
                                hi = hi < c1 ? hi : c1;
                                if (sw == 1) {
                                    const uint8_t* xs = xrow + shift;
                                    for (int64_t ow = lo; ow < hi; ow++) {
                                        acc[ow - c0] += wv * ((int32_t)(xs[ow] ^ flip) - zero);
                                    }
                                } else {
                                    for (int64_t ow = lo; ow < hi; ow++) {
                                        acc[ow - c0] += wv * ((int32_t)(xrow[ow * sw + shift] ^ flip) - zero);
                                    }
                                }
                            }
                        }
                    }
                }
                aidge_requantize_row(acc, c1 - c0, q->bias != NULL ? q->bias[m] : 0, q, m, plane + (od * out[1] + oh) * out[2] + c0, 1);
            }
        }
    }
}

static void aidge_qconv_direct(int threads, const void* x_bytes, const int8_t* w, void* y_bytes, const aidge_qparams* q,
                               int64_t batch, int64_t cin, int64_t cout, int64_t group,
                               const int64_t* in, const int64_t* out, const int64_t* kernel,
                               const int64_t* stride, const int64_t* dilation, const int64_t* pad)
{
    const uint8_t* x = (const uint8_t*)x_bytes;
    uint8_t* y = (uint8_t*)y_bytes;
    const int64_t cin_g = cin / group;
    const int64_t cout_g = cout / group;
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t out_size = out[0] * out[1] * out[2];
    const int64_t k_size = kernel[0] * kernel[1] * kernel[2];
    #pragma omp parallel for num_threads(threads) schedule(static) if (batch * cout * out_size * cin_g * k_size > 32768)
    for (int64_t t = 0; t < batch * cout; t++) {
        const int64_t m = t % cout;
        aidge_qconv_plane(x + ((t / cout) * cin + m / cout_g * cin_g) * in_size, cin_g, w + m * cin_g * k_size,
                          y + t * out_size, q, m, in, out, kernel, stride, dilation, pad);
    }
}
