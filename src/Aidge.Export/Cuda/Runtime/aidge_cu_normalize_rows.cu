/* needs: aidge_cu_block_sum */
/* Standardizes each row of a [rows, cols] tensor, one block per row: the mean and variance in double, two passes over
   the row, then scale and optional bias. The parameter of element c of row r is at (r % period) * row_step +
   c * scale_step (or bias_step): per column for LayerNormalization, per channel for InstanceNormalization. Without
   center the mean is 0 (root mean square). Optionally stores each row's mean and 1/sqrt(variance + epsilon). */
template <typename T>
static __global__ void aidge_cu_normalize_rows_kernel(const T* in, T* out, long long rows, long long cols, const T* scale, long long scale_step,
                                                      const T* bias, long long bias_step, long long period, long long row_step, double epsilon,
                                                      int center, T* means, T* inv_std_devs)
{
    /* The row loop is the same for every thread of a block, so all of them reach each block sum. */
    for (long long r = blockIdx.x; r < rows; r += gridDim.x)
    {
        const T* x = in + r * cols;
        T* y = out + r * cols;
        const long long p = (r % period) * row_step;
        double sum = 0;
        for (long long c = threadIdx.x; c < cols; c += blockDim.x)
        {
            sum += x[c];
        }
        sum = aidge_cu_block_sum(sum);
        const double mean = center && cols > 0 ? sum / cols : 0;
        double squares = 0;
        for (long long c = threadIdx.x; c < cols; c += blockDim.x)
        {
            const double d = x[c] - mean;
            squares += d * d;
        }
        squares = aidge_cu_block_sum(squares);
        const double inv = 1 / sqrt((cols > 0 ? squares / cols : 0) + epsilon);
        for (long long c = threadIdx.x; c < cols; c += blockDim.x)
        {
            const double s = scale[p + c * scale_step];
            const double b = bias != 0 ? (double)bias[p + c * bias_step] : 0;
            y[c] = (T)((x[c] - mean) * inv * s + b);
        }
        if (threadIdx.x == 0 && means != 0)
        {
            means[r] = (T)mean;
        }
        if (threadIdx.x == 0 && inv_std_devs != 0)
        {
            inv_std_devs[r] = (T)inv;
        }
    }
}

template <typename T>
static void aidge_cu_normalize_rows(const T* in, T* out, long long rows, long long cols, const T* scale, long long scale_step, const T* bias, long long bias_step,
                                    long long period, long long row_step, double epsilon, int center, T* means, T* inv_std_devs, cudaStream_t stream)
{
    if (rows <= 0)
    {
        return;
    }
    const unsigned int blocks = rows < AIDGE_CU_MAX_BLOCKS ? (unsigned int)rows : AIDGE_CU_MAX_BLOCKS;
    AIDGE_LAUNCH(aidge_cu_normalize_rows_kernel<T>, blocks, AIDGE_CU_THREADS, stream, in, out, rows, cols, scale, scale_step, bias, bias_step, period, row_step,
                 epsilon, center, means, inv_std_devs);
}
