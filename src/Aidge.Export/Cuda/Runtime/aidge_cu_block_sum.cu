/* needs: aidge_cu_grid */
/* The sum of one double per thread over the block (AIDGE_CU_THREADS threads, a power of two), returned to every
   thread: a tree in shared memory. Every thread of the block must call it, the same number of times. */
static __device__ double aidge_cu_block_sum(double value)
{
    __shared__ double partial[AIDGE_CU_THREADS];
    partial[threadIdx.x] = value;
    __syncthreads();
    for (unsigned int width = AIDGE_CU_THREADS / 2; width > 0; width /= 2)
    {
        if (threadIdx.x < width)
        {
            partial[threadIdx.x] += partial[threadIdx.x + width];
        }
        __syncthreads();
    }
    const double total = partial[0];
    /* No thread may overwrite partial (the next call) before every thread has read the total. */
    __syncthreads();
    return total;
}
