/* needs: aidge_cu_activation aidge_cu_window aidge_cu_tile_gemm */
/* Convolution as an implicit GEMM, one group per blockIdx.z: Y_g[oc, (image, position)] = W_g[oc, depth] .
   X_cols[depth, (image, position)], where depth runs over (input channel of the group, kernel position) and the
   column matrix is never built: the B loader computes each element's input coordinates from the window and reads
   the image, or 0 in the padding. Bias and the fused activation are applied as each output is stored. */
struct aidge_cu_conv_weights
{
    const float* w;
    int depth;
    __device__ float operator()(int r, int p) const { return w[(long long)r * depth + p]; }
};

struct aidge_cu_conv_columns
{
    const float* x;
    aidge_cu_window g;
    int channels;
    int kernel_size;
    int out_size;
    __device__ float operator()(int p, int col) const
    {
        const int ic = p / kernel_size;
        int kk = p % kernel_size;
        const int kw = kk % g.kernel[2];
        kk /= g.kernel[2];
        const int kh = kk % g.kernel[1];
        const int kd = kk / g.kernel[1];
        const int image = col / out_size;
        int o = col % out_size;
        const int ow = o % g.out[2];
        o /= g.out[2];
        const int oh = o % g.out[1];
        const int od = o / g.out[1];
        const int id = od * g.stride[0] + kd * g.dilation[0] - g.pad[0];
        const int ih = oh * g.stride[1] + kh * g.dilation[1] - g.pad[1];
        const int iw = ow * g.stride[2] + kw * g.dilation[2] - g.pad[2];
        if (id < 0 || id >= g.in[0] || ih < 0 || ih >= g.in[1] || iw < 0 || iw >= g.in[2]) {
            return 0.0f;
        }
        return x[(((long long)image * channels + ic) * g.in[0] + id) * g.in[1] * g.in[2] + (long long)ih * g.in[2] + iw];
    }
};

static __global__ void aidge_cu_conv_kernel(const float* x, const float* w, const float* bias, float* y, int batch, int channels, int outputs, int groups,
                                            aidge_cu_window g, int act, float p0, float p1)
{
    const int group = (int)blockIdx.z;
    const int in_per_group = channels / groups;
    const int out_per_group = outputs / groups;
    const int kernel_size = g.kernel[0] * g.kernel[1] * g.kernel[2];
    const int depth = in_per_group * kernel_size;
    const int out_size = g.out[0] * g.out[1] * g.out[2];
    const int in_size = g.in[0] * g.in[1] * g.in[2];
    const aidge_cu_conv_weights load_w = { w + (long long)group * out_per_group * depth, depth };
    const aidge_cu_conv_columns load_x = { x + (long long)group * in_per_group * in_size, g, channels, kernel_size, out_size };
    const int row0 = (int)blockIdx.y * AIDGE_TILE;
    const int col0 = (int)blockIdx.x * AIDGE_TILE;
    float acc[4][4];
    aidge_cu_tile_product(out_per_group, batch * out_size, depth, row0, col0, load_w, load_x, acc);
    for (int i = 0; i < 4; i++) {
        const int r = row0 + (int)threadIdx.x / 16 + 16 * i;
        if (r >= out_per_group) {
            continue;
        }
        const int oc = group * out_per_group + r;
        const float b = bias != NULL ? bias[oc] : 0.0f;
        for (int j = 0; j < 4; j++) {
            const int col = col0 + (int)threadIdx.x % 16 + 16 * j;
            if (col < batch * out_size) {
                const int image = col / out_size;
                const int position = col % out_size;
                y[((long long)image * outputs + oc) * out_size + position] = aidge_cu_activate(act, acc[i][j] + b, p0, p1);
            }
        }
    }
}

static void aidge_cu_conv(const float* x, const float* w, const float* bias, float* y, int batch, int channels, int outputs, int groups,
                          aidge_cu_window g, int act, float p0, float p1, cudaStream_t stream)
{
    const int columns = batch * g.out[0] * g.out[1] * g.out[2];
    if (columns == 0 || outputs == 0) {
        return;
    }
    const dim3 grid(aidge_cu_blocks(columns, AIDGE_TILE), aidge_cu_blocks(outputs / groups, AIDGE_TILE), (unsigned int)groups);
    AIDGE_LAUNCH(aidge_cu_conv_kernel, grid, dim3(AIDGE_TILE_THREADS), stream, x, w, bias, y, batch, channels, outputs, groups, g, act, p0, p1);
}
