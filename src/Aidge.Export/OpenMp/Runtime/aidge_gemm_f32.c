/* c[i][j] (+)= alpha * sum_k A(i,k) * B(k,j), where A(i,k) = a[i*a_rs + k*a_cs] and B(k,j) = b[k*b_rs + j*b_cs], so
   transposed operands need no copy. Work is split over rows and blocks of 256 columns, so one-row products (a fully
   connected layer at batch 1) still use every thread. Rows of B contiguous along j: axpy form, vectorized over j;
   otherwise dot products, vectorized over k. */
static void aidge_gemm_f32(int threads, int64_t m, int64_t n, int64_t k,
                           const float* a, int64_t a_rs, int64_t a_cs,
                           const float* b, int64_t b_rs, int64_t b_cs,
                           float* c, float alpha, int accumulate)
{
    const int64_t block = 256;
    const int64_t blocks = (n + block - 1) / block;
    #pragma omp parallel for num_threads(threads) schedule(static) if (m * n * k > 65536)
    for (int64_t t = 0; t < m * blocks; t++) {
        const int64_t i = t / blocks;
        const int64_t j0 = (t % blocks) * block;
        const int64_t j1 = j0 + block < n ? j0 + block : n;
        float* crow = c + i * n;
        if (!accumulate) {
            for (int64_t j = j0; j < j1; j++) {
                crow[j] = 0.0f;
            }
        }
        if (b_cs == 1) {
            for (int64_t p = 0; p < k; p++) {
                const float av = alpha * a[i * a_rs + p * a_cs];
                const float* brow = b + p * b_rs;
                #pragma omp simd
                for (int64_t j = j0; j < j1; j++) {
                    crow[j] += av * brow[j];
                }
            }
        } else {
            for (int64_t j = j0; j < j1; j++) {
                float sum = 0.0f;
                #pragma omp simd reduction(+:sum)
                for (int64_t p = 0; p < k; p++) {
                    sum += a[i * a_rs + p * a_cs] * b[p * b_rs + j * b_cs];
                }
                crow[j] += alpha * sum;
            }
        }
    }
}
