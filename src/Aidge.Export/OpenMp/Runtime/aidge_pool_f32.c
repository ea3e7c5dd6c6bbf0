/* Max (mode 0), average (mode 1) or Lp (mode 2: (sum |x|^exponent)^(1/exponent), in double) pooling over up to
   three spatial dims (padded in front with size-1 dims), one task per (image, channel) plane. Padding never wins a
   max and adds nothing to an Lp norm. An average divides by the window positions inside the input, or with
   count_include_pad by those inside the padded input (pad_end included). */
static void aidge_pool_f32(int threads, const float* x, float* y, int64_t planes,
                           const int64_t* in, const int64_t* out, const int64_t* kernel, const int64_t* stride,
                           const int64_t* dilation, const int64_t* pad, const int64_t* pad_end, int mode, int count_include_pad, double exponent)
{
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t out_size = out[0] * out[1] * out[2];
    #pragma omp parallel for num_threads(threads) schedule(static) if (planes * out_size * kernel[0] * kernel[1] * kernel[2] > 32768)
    for (int64_t p = 0; p < planes; p++) {
        const float* xp = x + p * in_size;
        float* yp = y + p * out_size;
        for (int64_t od = 0; od < out[0]; od++) {
            for (int64_t oh = 0; oh < out[1]; oh++) {
                for (int64_t ow = 0; ow < out[2]; ow++) {
                    float acc = mode == 0 ? -INFINITY : 0.0f;
                    double norm = 0;
                    int64_t count = 0;
                    int64_t padded = 0;
                    for (int64_t kd = 0; kd < kernel[0]; kd++) {
                        const int64_t id = od * stride[0] + kd * dilation[0] - pad[0];
                        for (int64_t kh = 0; kh < kernel[1]; kh++) {
                            const int64_t ih = oh * stride[1] + kh * dilation[1] - pad[1];
                            for (int64_t kw = 0; kw < kernel[2]; kw++) {
                                const int64_t iw = ow * stride[2] + kw * dilation[2] - pad[2];
                                if (id < in[0] + pad_end[0] && ih < in[1] + pad_end[1] && iw < in[2] + pad_end[2]) {
                                    padded++;
                                }
                                if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1] || iw < 0 || iw >= in[2]) {
                                    continue;
                                }
                                const float v = xp[(id * in[1] + ih) * in[2] + iw];
                                if (mode == 0) {
                                    acc = v > acc || v != v ? v : acc;
                                } else if (mode == 2) {
                                    norm += pow(fabs((double)v), exponent);
                                } else {
                                    acc += v;
                                }
                                count++;
                            }
                        }
                    }
                    if (mode == 2) {
                        acc = (float)pow(norm, 1 / exponent);
                    }
                    if (mode == 1) {
                        const int64_t divisor = count_include_pad ? padded : count;
                        acc = divisor > 0 ? acc / (float)divisor : 0.0f;
                    }
                    yp[(od * out[1] + oh) * out[2] + ow] = acc;
                }
            }
        }
    }
}
