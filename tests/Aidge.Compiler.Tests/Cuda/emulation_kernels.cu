/* Hand-written kernels that exercise what aidge_cuda.h's emulation must get right, in the shapes the generated code
 * uses: shared-memory tiles with barriers (GEMM), grid-stride loops, 3-D grids and blocks, a tree reduction (once with
 * its barriers and once without one, to show the emulation catches the race), and the launch errors. Each test_*
 * function is a host entry point the MSTest class calls through its exported symbol; it returns the CUDA error code. */
#include "aidge_cuda.h"

#define TEST_EXPORT extern "C" __attribute__((visibility("default")))
#define TILE 16
#define REDUCE_THREADS 256

/* C[m,n] = A[m,k] B[k,n], one 16x16 output tile per block, A and B staged through shared tiles. */
static __global__ void tiled_gemm(const float* a, const float* b, float* c, int m, int n, int k)
{
    __shared__ float tile_a[TILE][TILE];
    __shared__ float tile_b[TILE][TILE];
    int row = (int)(blockIdx.y * TILE + threadIdx.y);
    int col = (int)(blockIdx.x * TILE + threadIdx.x);
    float sum = 0.0f;
    for (int k0 = 0; k0 < k; k0 += TILE)
    {
        int ka = k0 + (int)threadIdx.x;
        int kb = k0 + (int)threadIdx.y;
        tile_a[threadIdx.y][threadIdx.x] = row < m && ka < k ? a[row * k + ka] : 0.0f;
        tile_b[threadIdx.y][threadIdx.x] = col < n && kb < k ? b[kb * n + col] : 0.0f;
        __syncthreads();
        for (int i = 0; i < TILE; i++)
        {
            sum = fmaf(tile_a[threadIdx.y][i], tile_b[i][threadIdx.x], sum);
        }
        __syncthreads();
    }
    if (row < m && col < n)
    {
        c[row * n + col] = sum;
    }
}

/* y = max(alpha * x + beta, 0) over n elements with a grid smaller than n: each thread strides over the grid. */
static __global__ void axpb_relu(const float* x, float* y, float alpha, float beta, long long n)
{
    long long stride = (long long)gridDim.x * blockDim.x;
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
    {
        y[i] = fmaxf(alpha * x[i] + beta, 0.0f);
    }
}

/* Every thread of a 3-D grid of 3-D blocks writes its linear global id at that index, and adds 1 to a hit count. */
static __global__ void coordinates(unsigned int* ids, int* hits)
{
    unsigned int block = (blockIdx.z * gridDim.y + blockIdx.y) * gridDim.x + blockIdx.x;
    unsigned int thread = (threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x;
    unsigned int id = block * (blockDim.x * blockDim.y * blockDim.z) + thread;
    ids[id] = id;
    atomicAdd(&hits[id], 1);
}

/* One partial sum per block: a grid-stride load into shared memory, then a tree. With_barriers = 0 leaves out the
 * barrier after the load and in the tree, the classic bug: a thread reads a neighbour's slot before it is written. */
static __global__ void block_sums(const int* x, int* partial, long long n, int with_barriers)
{
    __shared__ int slots[REDUCE_THREADS];
    int sum = 0;
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
    {
        sum += x[i];
    }
    slots[threadIdx.x] = sum;
    if (with_barriers)
    {
        __syncthreads();
    }
    for (unsigned int half = blockDim.x / 2; half > 0; half /= 2)
    {
        if (threadIdx.x < half)
        {
            slots[threadIdx.x] += slots[threadIdx.x + half];
        }
        if (with_barriers)
        {
            __syncthreads();
        }
    }
    if (threadIdx.x == 0)
    {
        partial[blockIdx.x] = slots[0];
    }
}

TEST_EXPORT int test_tiled_gemm(const float* a, const float* b, float* c, int m, int n, int k)
{
    cudaStream_t stream;
    float *da, *db, *dc;
    cudaStreamCreate(&stream);
    cudaMalloc((void**)&da, sizeof(float) * m * k);
    cudaMalloc((void**)&db, sizeof(float) * k * n);
    cudaMalloc((void**)&dc, sizeof(float) * m * n);
    cudaMemcpyAsync(da, a, sizeof(float) * m * k, cudaMemcpyHostToDevice, stream);
    cudaMemcpyAsync(db, b, sizeof(float) * k * n, cudaMemcpyHostToDevice, stream);
    AIDGE_LAUNCH(tiled_gemm, dim3((n + TILE - 1) / TILE, (m + TILE - 1) / TILE), dim3(TILE, TILE), stream, da, db, dc, m, n, k);
    cudaMemcpyAsync(c, dc, sizeof(float) * m * n, cudaMemcpyDeviceToHost, stream);
    cudaStreamSynchronize(stream);
    cudaFree(da);
    cudaFree(db);
    cudaFree(dc);
    cudaStreamDestroy(stream);
    return cudaGetLastError();
}

TEST_EXPORT int test_axpb_relu(const float* x, float* y, float alpha, float beta, long long n, int blocks, int threads)
{
    float *dx, *dy;
    cudaMalloc((void**)&dx, sizeof(float) * n);
    cudaMalloc((void**)&dy, sizeof(float) * n);
    cudaMemcpy(dx, x, sizeof(float) * n, cudaMemcpyHostToDevice);
    cudaMemsetAsync(dy, 0xFF, sizeof(float) * n, 0);
    AIDGE_LAUNCH(axpb_relu, dim3(blocks), dim3(threads), 0, dx, dy, alpha, beta, n);
    cudaMemcpy(y, dy, sizeof(float) * n, cudaMemcpyDeviceToHost);
    cudaFree(dx);
    cudaFree(dy);
    return cudaGetLastError();
}

TEST_EXPORT int test_coordinates(unsigned int* ids, int* hits, int gx, int gy, int gz, int bx, int by, int bz)
{
    long long count = (long long)gx * gy * gz * bx * by * bz;
    unsigned int* dids;
    int* dhits;
    cudaMalloc((void**)&dids, sizeof(unsigned int) * count);
    cudaMalloc((void**)&dhits, sizeof(int) * count);
    cudaMemsetAsync(dhits, 0, sizeof(int) * count, 0);
    AIDGE_LAUNCH(coordinates, dim3(gx, gy, gz), dim3(bx, by, bz), 0, dids, dhits);
    cudaMemcpy(ids, dids, sizeof(unsigned int) * count, cudaMemcpyDeviceToHost);
    cudaMemcpy(hits, dhits, sizeof(int) * count, cudaMemcpyDeviceToHost);
    cudaFree(dids);
    cudaFree(dhits);
    return cudaGetLastError();
}

/* The sum of x over a grid of `blocks` blocks of REDUCE_THREADS threads, the partial sums added on the host. */
TEST_EXPORT int test_sum(const int* x, long long n, int blocks, int with_barriers, long long* total)
{
    int *dx, *dpartial;
    int partial[64]; /* blocks <= 64 */
    cudaMalloc((void**)&dx, sizeof(int) * n);
    cudaMalloc((void**)&dpartial, sizeof(int) * blocks);
    cudaMemcpy(dx, x, sizeof(int) * n, cudaMemcpyHostToDevice);
    AIDGE_LAUNCH(block_sums, dim3(blocks), dim3(REDUCE_THREADS), 0, dx, dpartial, n, with_barriers);
    cudaMemcpy(partial, dpartial, sizeof(int) * blocks, cudaMemcpyDeviceToHost);
    cudaFree(dx);
    cudaFree(dpartial);
    *total = 0;
    for (int b = 0; b < blocks; b++)
    {
        *total += partial[b];
    }
    return cudaGetLastError();
}

/* A launch of `threads` threads per block; the error it leaves (more than 1024 is an invalid configuration). */
TEST_EXPORT int test_block_size(int threads)
{
    unsigned int* dids;
    int* dhits;
    cudaMalloc((void**)&dids, sizeof(unsigned int) * 4096);
    cudaMalloc((void**)&dhits, sizeof(int) * 4096);
    AIDGE_LAUNCH(coordinates, dim3(1), dim3(threads), 0, dids, dhits);
    cudaFree(dids);
    cudaFree(dhits);
    return cudaGetLastError();
}

#if defined(AIDGE_CUDA_EMULATE)
/* A launch from inside a parallel region of the host: OpenMP (nesting off) gives each block one thread, not 64, and
 * the emulation must refuse to run it rather than compute with a short team. Emulation only: on a GPU this is fine. */
TEST_EXPORT int test_nested_launch(void)
{
    int error = cudaSuccess;
    unsigned int* dids;
    int* dhits;
    cudaMalloc((void**)&dids, sizeof(unsigned int) * 64);
    cudaMalloc((void**)&dhits, sizeof(int) * 64);
#pragma omp parallel num_threads(2)
    {
#pragma omp single
        {
            AIDGE_LAUNCH(coordinates, dim3(1), dim3(64), 0, dids, dhits);
            error = cudaGetLastError();
        }
    }
    cudaFree(dids);
    cudaFree(dhits);
    return error;
}
#endif
