/* Direct convolution over up to three spatial dims (fewer are padded with size-1 dims in front), with groups,
   strides, dilations and padding. Each (image, output channel) plane is one task: it starts from the bias and
   accumulates one weight times a shifted input row at a time, over the output positions whose input is inside the
   image (so no padding branch in the inner loop, which vectorizes for stride 1). */
static void aidge_conv_f32(int threads, const float* x, const float* w, const float* bias, float* y,
                           int64_t batch, int64_t cin, int64_t cout, int64_t group,
                           const int64_t* in, const int64_t* out, const int64_t* kernel,
                           const int64_t* stride, const int64_t* dilation, const int64_t* pad)
{
    const int64_t cin_g = cin / group;
    const int64_t cout_g = cout / group;
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t out_size = out[0] * out[1] * out[2];
    const int64_t k_size = kernel[0] * kernel[1] * kernel[2];
    #pragma omp parallel for num_threads(threads) schedule(static) if (batch * cout * out_size * cin_g * k_size > 32768)
    for (int64_t t = 0; t < batch * cout; t++) {
        const int64_t image = t / cout;
        const int64_t m = t % cout;
        const int64_t g = m / cout_g;
        float* plane = y + t * out_size;
        const float b = bias != NULL ? bias[m] : 0.0f;
        for (int64_t i = 0; i < out_size; i++) {
            plane[i] = b;
        }
        for (int64_t c = 0; c < cin_g; c++) {
            const float* xc = x + (image * cin + g * cin_g + c) * in_size;
            const float* wc = w + (m * cin_g + c) * k_size;
            for (int64_t kd = 0; kd < kernel[0]; kd++) {
                for (int64_t kh = 0; kh < kernel[1]; kh++) {
                    for (int64_t kw = 0; kw < kernel[2]; kw++) {
                        const float wv = wc[(kd * kernel[1] + kh) * kernel[2] + kw];
                        const int64_t shift = kw * dilation[2] - pad[2];
                        const int64_t lo = shift >= 0 ? 0 : (-shift + stride[2] - 1) / stride[2];
                        const int64_t last = in[2] - 1 - shift;
                        int64_t hi = last < 0 ? 0 : last / stride[2] + 1;
                        hi = hi < out[2] ? hi : out[2];
                        for (int64_t od = 0; od < out[0]; od++) {
                            const int64_t id = od * stride[0] + kd * dilation[0] - pad[0];
                            if (id < 0 || id >= in[0]) {
                                continue;
                            }
                            for (int64_t oh = 0; oh < out[1]; oh++) {
                                const int64_t ih = oh * stride[1] + kh * dilation[1] - pad[1];
                                if (ih < 0 || ih >= in[1]) {
                                    continue;
                                }
                                const float* xrow = xc + (id * in[1] + ih) * in[2];
                                float* yrow = plane + (od * out[1] + oh) * out[2];
                                if (stride[2] == 1) {
                                    #pragma omp simd
                                    for (int64_t ow = lo; ow < hi; ow++) {
                                        yrow[ow] += wv * xrow[ow + shift];
                                    }
                                } else {
                                    for (int64_t ow = lo; ow < hi; ow++) {
                                        yrow[ow] += wv * xrow[ow * stride[2] + shift];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
