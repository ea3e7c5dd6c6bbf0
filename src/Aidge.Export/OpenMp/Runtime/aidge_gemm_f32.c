/* needs: aidge_gemm_panel_f32 aidge_activation_f32 */
/* c[i][j] (+)= alpha * sum_k A(i,k) * B(k,j), where A(i,k) = a[i*a_rs + k*a_cs] and B(k,j) = b[k*b_rs + j*b_cs], so
   transposed operands need no copy. With at least 6 rows and rows of A contiguous along k, the blocked path: tasks
   are (block of 64 columns, share of the rows); each packs alpha * B for its columns, 256 values of k at a time, into
   its panel and multiplies the rows of A by it (aidge_gemm_panel_f32). Shorter products (a fully connected layer at
   batch 1) are bound by reading B, not by arithmetic, and take the direct path: rows and blocks of 256 columns, so
   they still use every thread; rows of B contiguous along j: axpy form, vectorized over j; otherwise dot products,
   vectorized over k. The outputs go through the activation `act` as they are finished (FusedGemm; AIDGE_ACT_NONE
   otherwise): in the micro-kernel's store on the blocked path, on each row block while it is in L1 on the direct one. */
static void aidge_gemm_f32(int threads, int64_t m, int64_t n, int64_t k,
                           const float* a, int64_t a_rs, int64_t a_cs,
                           const float* b, int64_t b_rs, int64_t b_cs,
                           float* c, float alpha, int accumulate, int act, float p0, float p1)
{
    if (m >= AIDGE_MR && a_cs == 1) {
        const int64_t blocks = (n + AIDGE_PANEL_NC - 1) / AIDGE_PANEL_NC;
        const int64_t shares = aidge_gemm_row_shares(threads, blocks, m);
        #pragma omp parallel for num_threads(threads) schedule(static) if (m * n * k > 65536)
        for (int64_t t = 0; t < blocks * shares; t++) {
            const int64_t n0 = t / shares * AIDGE_PANEL_NC;
            const int64_t nc = n - n0 < AIDGE_PANEL_NC ? n - n0 : AIDGE_PANEL_NC;
            int64_t m_begin, m_end;
            aidge_gemm_row_share(t % shares, shares, m, &m_begin, &m_end);
            float panel[AIDGE_PANEL_KC * AIDGE_PANEL_NC];
            for (int64_t k0 = 0; k0 < k || (k0 == 0 && !accumulate); k0 += AIDGE_PANEL_KC) {
                const int64_t kc = k - k0 < AIDGE_PANEL_KC ? k - k0 : AIDGE_PANEL_KC;
                for (int64_t p = 0; p < kc; p++) {
                    const float* brow = b + (k0 + p) * b_rs + n0 * b_cs;
                    float* row = panel + p * AIDGE_PANEL_NC;
                    for (int64_t j = 0; j < AIDGE_PANEL_NC; j++) {
                        row[j] = j < nc ? alpha * brow[j * b_cs] : 0.0f;
                    }
                }
                aidge_gemm_panel_f32(kc, a + k0, a_rs, panel, c + n0, n, m_begin, m_end, nc, NULL, accumulate || k0 > 0,
                                     k0 + kc >= k ? act : AIDGE_ACT_NONE, p0, p1);
            }
        }
        return;
    }
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
        aidge_activate_f32(act, p0, p1, crow + j0, j1 - j0);
    }
}
