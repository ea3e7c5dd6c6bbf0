/* needs: aidge_cu_activation aidge_cu_window */
/* Convolution whose groups each read one input channel (depthwise, with any channel multiplier, and first layers on
   a single-channel image): a GEMM would have a depth of one kernel window, too little to pay for staging tiles, so
   each thread computes one output directly from the window it covers. Consecutive threads take consecutive output
   positions of a plane, so their reads of the image are close together. */
static __global__ void aidge_cu_conv_depthwise_kernel(const float* x, const float* w, const float* bias, float* y, long long total, int channels, int outputs, int groups,
                                                      aidge_cu_window g, int act, float p0, float p1)
{
    const long long index = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (index >= total) {
        return;
    }
    const int out_size = g.out[0] * g.out[1] * g.out[2];
    const int kernel_size = g.kernel[0] * g.kernel[1] * g.kernel[2];
    int o = (int)(index % out_size);
    const long long plane = index / out_size;
    const int oc = (int)(plane % outputs);
    const long long image = plane / outputs;
    const int ow = o % g.out[2];
    o /= g.out[2];
    const int oh = o % g.out[1];
    const int od = o / g.out[1];
    const int ic = oc / (outputs / groups);
    const float* xp = x + (image * channels + ic) * (long long)(g.in[0] * g.in[1] * g.in[2]);
    const float* wp = w + (long long)oc * kernel_size;
    float acc = 0.0f;
    for (int kd = 0; kd < g.kernel[0]; kd++) {
        const int id = od * g.stride[0] + kd * g.dilation[0] - g.pad[0];
        if (id < 0 || id >= g.in[0]) {
            continue;
        }
        for (int kh = 0; kh < g.kernel[1]; kh++) {
            const int ih = oh * g.stride[1] + kh * g.dilation[1] - g.pad[1];
            if (ih < 0 || ih >= g.in[1]) {
                continue;
            }
            for (int kw = 0; kw < g.kernel[2]; kw++) {
                const int iw = ow * g.stride[2] + kw * g.dilation[2] - g.pad[2];
                if (iw >= 0 && iw < g.in[2]) {
                    acc = fmaf(xp[(id * g.in[1] + ih) * g.in[2] + iw], wp[(kd * g.kernel[1] + kh) * g.kernel[2] + kw], acc);
                }
            }
        }
    }
    y[index] = aidge_cu_activate(act, acc + (bias != NULL ? bias[oc] : 0.0f), p0, p1);
}

static void aidge_cu_conv_depthwise(const float* x, const float* w, const float* bias, float* y, int batch, int channels, int outputs, int groups,
                                    aidge_cu_window g, int act, float p0, float p1, cudaStream_t stream)
{
    const long long total = (long long)batch * outputs * g.out[0] * g.out[1] * g.out[2];
    if (total == 0) {
        return;
    }
    AIDGE_LAUNCH(aidge_cu_conv_depthwise_kernel, dim3(aidge_cu_blocks(total, 256)), dim3(256), stream, x, w, bias, y, total, channels, outputs, groups, g, act, p0, p1);
}
