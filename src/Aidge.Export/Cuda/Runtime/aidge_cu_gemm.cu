/* needs: aidge_cu_activation aidge_cu_tile_gemm */
/* Batched GEMM for Gemm, FusedGemm and MatMul: for every batch b (blockIdx.z), Y_b[m, n] = act(alpha . A_b . B_b +
   beta . C), with A and B read through element strides (a transpose swaps them) from per-batch offsets that
   broadcast (NumPy MatMul: a stride of 0 repeats an operand), and C, when given, broadcast through its row and column
   strides (0 along a dim of size 1). Y is dense, batch after batch. */
#define AIDGE_BATCH_RANK 6

struct aidge_cu_batch
{
    int rank;
    int dims[AIDGE_BATCH_RANK];
    long long a[AIDGE_BATCH_RANK];
    long long b[AIDGE_BATCH_RANK];
};

struct aidge_cu_strided
{
    const float* p;
    long long row;
    long long col;
    __device__ float operator()(int r, int c) const { return p[r * row + c * col]; }
};

static __global__ void aidge_cu_gemm_kernel(int m, int n, int k, const float* a, long long a_row, long long a_col, const float* b, long long b_row, long long b_col,
                                            aidge_cu_batch batch, const float* c, long long c_row, long long c_col, float* y, float alpha, float beta, int act, float p0, float p1)
{
    long long a_offset = 0, b_offset = 0;
    int rest = (int)blockIdx.z;
    for (int d = batch.rank - 1; d >= 0; d--) {
        const int index = rest % batch.dims[d];
        rest /= batch.dims[d];
        a_offset += index * batch.a[d];
        b_offset += index * batch.b[d];
    }
    const aidge_cu_strided load_a = { a + a_offset, a_row, a_col };
    const aidge_cu_strided load_b = { b + b_offset, b_row, b_col };
    const int row0 = (int)blockIdx.y * AIDGE_TILE;
    const int col0 = (int)blockIdx.x * AIDGE_TILE;
    float acc[4][4];
    aidge_cu_tile_product(m, n, k, row0, col0, load_a, load_b, acc);
    float* yb = y + (long long)blockIdx.z * m * n;
    for (int i = 0; i < 4; i++) {
        const int r = row0 + (int)threadIdx.x / 16 + 16 * i;
        for (int j = 0; j < 4; j++) {
            const int col = col0 + (int)threadIdx.x % 16 + 16 * j;
            if (r < m && col < n) {
                float v = alpha * acc[i][j];
                if (c != NULL) {
                    v += beta * c[r * c_row + col * c_col];
                }
                yb[(long long)r * n + col] = aidge_cu_activate(act, v, p0, p1);
            }
        }
    }
}

static void aidge_cu_gemm(int m, int n, int k, const float* a, long long a_row, long long a_col, const float* b, long long b_row, long long b_col,
                          aidge_cu_batch batch, int batches, const float* c, long long c_row, long long c_col, float* y, float alpha, float beta,
                          int act, float p0, float p1, cudaStream_t stream)
{
    if (m == 0 || n == 0 || batches == 0) {
        return;
    }
    const dim3 grid(aidge_cu_blocks(n, AIDGE_TILE), aidge_cu_blocks(m, AIDGE_TILE), (unsigned int)batches);
    AIDGE_LAUNCH(aidge_cu_gemm_kernel, grid, dim3(AIDGE_TILE_THREADS), stream,
                 m, n, k, a, a_row, a_col, b, b_row, b_col, batch, c, c_row, c_col, y, alpha, beta, act, p0, p1);
}
