/* Softmax (or log-softmax) along an axis of length len of [outer, len, inner] data, the maximum subtracted first so
   large inputs do not overflow. Short axes take one thread per lane (consecutive threads on consecutive inner
   positions, so their reads coalesce when inner > 1); long ones one block of 256 threads per lane, reducing the
   maximum and the sum in shared memory. */
#define AIDGE_SOFTMAX_BLOCK 256

static __global__ void aidge_cu_softmax_lanes(const float* x, float* y, long long lanes, int len, int inner, int log_output)
{
    const long long lane = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (lane >= lanes) {
        return;
    }
    const long long start = (lane / inner) * len * (long long)inner + lane % inner;
    const float* xs = x + start;
    float* ys = y + start;
    float max = xs[0];
    for (int j = 1; j < len; j++) {
        max = xs[(long long)j * inner] > max ? xs[(long long)j * inner] : max;
    }
    float sum = 0.0f;
    for (int j = 0; j < len; j++) {
        sum += expf(xs[(long long)j * inner] - max);
    }
    const float log_sum = logf(sum);
    for (int j = 0; j < len; j++) {
        const float shifted = xs[(long long)j * inner] - max;
        ys[(long long)j * inner] = log_output ? shifted - log_sum : expf(shifted) / sum;
    }
}

static __global__ void aidge_cu_softmax_blocks(const float* x, float* y, int len, int inner, int log_output)
{
    __shared__ float partial[AIDGE_SOFTMAX_BLOCK];
    const long long lane = blockIdx.x;
    const long long start = (lane / inner) * len * (long long)inner + lane % inner;
    const float* xs = x + start;
    float* ys = y + start;
    const int t = (int)threadIdx.x;
    float max = xs[0];
    for (int j = t; j < len; j += AIDGE_SOFTMAX_BLOCK) {
        max = xs[(long long)j * inner] > max ? xs[(long long)j * inner] : max;
    }
    partial[t] = max;
    __syncthreads();
    for (int half = AIDGE_SOFTMAX_BLOCK / 2; half > 0; half /= 2) {
        if (t < half && partial[t + half] > partial[t]) {
            partial[t] = partial[t + half];
        }
        __syncthreads();
    }
    max = partial[0];
    __syncthreads();
    float sum = 0.0f;
    for (int j = t; j < len; j += AIDGE_SOFTMAX_BLOCK) {
        sum += expf(xs[(long long)j * inner] - max);
    }
    partial[t] = sum;
    __syncthreads();
    for (int half = AIDGE_SOFTMAX_BLOCK / 2; half > 0; half /= 2) {
        if (t < half) {
            partial[t] += partial[t + half];
        }
        __syncthreads();
    }
    sum = partial[0];
    const float log_sum = logf(sum);
    for (int j = t; j < len; j += AIDGE_SOFTMAX_BLOCK) {
        const float shifted = xs[(long long)j * inner] - max;
        ys[(long long)j * inner] = log_output ? shifted - log_sum : expf(shifted) / sum;
    }
}

static void aidge_cu_softmax(const float* x, float* y, long long outer, int len, int inner, int log_output, cudaStream_t stream)
{
    const long long lanes = outer * inner;
    if (lanes == 0 || len == 0) {
        return;
    }
    if (len >= 1024) {
        AIDGE_LAUNCH(aidge_cu_softmax_blocks, dim3((unsigned int)lanes), dim3(AIDGE_SOFTMAX_BLOCK), stream, x, y, len, inner, log_output);
    } else {
        AIDGE_LAUNCH(aidge_cu_softmax_lanes, dim3(aidge_cu_blocks(lanes, 256)), dim3(256), stream, x, y, lanes, len, inner, log_output);
    }
}
