/* The shared-memory tile product of the GEMM and the implicit-GEMM convolution: a block of 256 threads computes a
   64 x 64 tile of C = A[m, k] . B[k, n], walking k in steps of 16. Each step stages a 64 x 16 slice of A and a
   16 x 64 slice of B in shared memory (zeros past the edges, so the inner loop has no bounds checks), then every
   thread accumulates a 4 x 4 block of the tile from registers. Thread (r, c) of the 16 x 16 grid owns rows r + 16 i
   and columns c + 16 j, so neighbouring threads read neighbouring shared words. The loaders are functors, so the
   convolution gathers its B slice straight from the image (im2col on the fly) without a buffer. */
#define AIDGE_TILE 64
#define AIDGE_TILE_K 16
#define AIDGE_TILE_THREADS 256

template <class LoadA, class LoadB>
static __device__ __forceinline__ void aidge_cu_tile_product(int m, int n, int k, int row0, int col0, const LoadA& load_a, const LoadB& load_b, float acc[4][4])
{
    __shared__ float as[AIDGE_TILE_K][AIDGE_TILE];
    __shared__ float bs[AIDGE_TILE_K][AIDGE_TILE];
    const int t = (int)threadIdx.x;
    const int tr = t / 16;
    const int tc = t % 16;
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            acc[i][j] = 0.0f;
        }
    }
    for (int p0 = 0; p0 < k; p0 += AIDGE_TILE_K) {
        for (int e = t; e < AIDGE_TILE_K * AIDGE_TILE; e += AIDGE_TILE_THREADS) {
            /* A: k fastest across threads (row-major weights are contiguous along k); B: n fastest. */
            const int ap = e % AIDGE_TILE_K, ai = e / AIDGE_TILE_K;
            as[ap][ai] = row0 + ai < m && p0 + ap < k ? load_a(row0 + ai, p0 + ap) : 0.0f;
            const int bj = e % AIDGE_TILE, bp = e / AIDGE_TILE;
            bs[bp][bj] = p0 + bp < k && col0 + bj < n ? load_b(p0 + bp, col0 + bj) : 0.0f;
        }
        __syncthreads();
        for (int p = 0; p < AIDGE_TILE_K; p++) {
            float a[4], b[4];
            for (int i = 0; i < 4; i++) {
                a[i] = as[p][tr + 16 * i];
                b[i] = bs[p][tc + 16 * i];
            }
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    acc[i][j] = fmaf(a[i], b[j], acc[i][j]);
                }
            }
        }
        __syncthreads();
    }
}
