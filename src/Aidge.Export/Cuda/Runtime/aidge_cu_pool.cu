/* needs: aidge_cu_window */
/* Max (mode 0), average (mode 1) or Lp (mode 2: (sum |x|^p)^(1/p)) pooling over up to three spatial dims, one
   thread per output. Padding never wins a max and adds nothing to an Lp norm; an average divides by the window
   positions inside the input, or with count_include_pad by those inside the padded input (pad_end included), as the
   OpenMP kernel and the simulator do. NaN wins a max. Generated per element type: the integer ones are max pools of
   quantized models. */
template <typename T>
static __global__ void aidge_cu_pool_kernel(const T* x, T* y, long long total, aidge_cu_window g, int mode, int count_include_pad, float exponent)
{
    const long long index = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (index >= total) {
        return;
    }
    const int out_size = g.out[0] * g.out[1] * g.out[2];
    int o = (int)(index % out_size);
    const long long plane = index / out_size;
    const int ow = o % g.out[2];
    o /= g.out[2];
    const int oh = o % g.out[1];
    const int od = o / g.out[1];
    const T* xp = x + plane * (long long)(g.in[0] * g.in[1] * g.in[2]);
    float acc = 0.0f;
    T best = 0;
    int count = 0, padded = 0;
    for (int kd = 0; kd < g.kernel[0]; kd++) {
        const int id = od * g.stride[0] + kd * g.dilation[0] - g.pad[0];
        for (int kh = 0; kh < g.kernel[1]; kh++) {
            const int ih = oh * g.stride[1] + kh * g.dilation[1] - g.pad[1];
            for (int kw = 0; kw < g.kernel[2]; kw++) {
                const int iw = ow * g.stride[2] + kw * g.dilation[2] - g.pad[2];
                if (id < g.in[0] + g.pad_end[0] && ih < g.in[1] + g.pad_end[1] && iw < g.in[2] + g.pad_end[2]) {
                    padded++;
                }
                if (id < 0 || id >= g.in[0] || ih < 0 || ih >= g.in[1] || iw < 0 || iw >= g.in[2]) {
                    continue;
                }
                const T v = xp[(id * g.in[1] + ih) * g.in[2] + iw];
                if (mode == 0) {
                    best = count == 0 || v > best || v != v ? v : best;
                } else if (mode == 2) {
                    acc += powf(fabsf((float)v), exponent);
                } else {
                    acc += (float)v;
                }
                count++;
            }
        }
    }
    if (mode == 0) {
        y[index] = best;
    } else if (mode == 2) {
        y[index] = (T)powf(acc, 1.0f / exponent);
    } else {
        const int divisor = count_include_pad ? padded : count;
        y[index] = (T)(divisor > 0 ? acc / (float)divisor : 0.0f);
    }
}

template <typename T>
static void aidge_cu_pool(const T* x, T* y, long long planes, aidge_cu_window g, int mode, int count_include_pad, float exponent, cudaStream_t stream)
{
    const long long total = planes * g.out[0] * g.out[1] * g.out[2];
    if (total == 0) {
        return;
    }
    AIDGE_LAUNCH(aidge_cu_pool_kernel<T>, dim3(aidge_cu_blocks(total, 256)), dim3(256), stream, x, y, total, g, mode, count_include_pad, exponent);
}
