/* needs: aidge_requantize aidge_qgemm_panel aidge_qdot aidge_fast */
/* Quantized GEMM (ai.aidge QGemm): Y[i][j] = requantize(C[j] + Σ_k (A[i][k] − x_zero_point)·B[j][k]), A [m, k]
   activation bytes, B [n, k] int8 weights (always transposed), Y [m, n]. The weights play the rows of the shared
   int8 GEMM and the rows of A its columns: tasks (block of 64 rows of A, share of the weight rows) pack their block
   of A into the quad panel (aidge_qgemm_pack), and the int32 tile of weight row j and A row i is requantized into
   Y[i][j]. A few rows of A (batch 1) would fill the micro-kernel's 16 columns with padding: those take dot products
   (aidge_qdot), one task per block of weight rows, reading each weight once. */
#define AIDGE_QGEMM_DOT_ROWS 4
AIDGE_PACK
static void aidge_qgemm_pack(uint8_t* panel, const uint8_t* a, int64_t lda, uint8_t flip, int64_t nc, int64_t kc)
{
    for (int64_t q = 0; 4 * q < kc; q++) {
        uint8_t* quad = panel + q * AIDGE_QPANEL_NC * 4;
        const int64_t bytes = kc - 4 * q < 4 ? kc - 4 * q : 4;
        for (int64_t j = 0; j < AIDGE_QPANEL_NC; j++) {
            for (int64_t b = 0; b < 4; b++) {
                quad[4 * j + b] = j < nc && b < bytes ? a[j * lda + 4 * q + b] ^ flip : 0;
            }
        }
    }
}

static void aidge_qgemm(int threads, const void* a_bytes, const int8_t* b, void* y_bytes, const aidge_qparams* q, int64_t m, int64_t n, int64_t k)
{
    const uint8_t* a = (const uint8_t*)a_bytes;
    uint8_t* y = (uint8_t*)y_bytes;
    const int isa = aidge_int8_isa();
    const uint8_t flip = q->x_signed ? 0x80 : 0;
    if (m < AIDGE_QGEMM_DOT_ROWS) {
        const int64_t block = 16;
        #pragma omp parallel for num_threads(threads) schedule(static) if (m * n * k > 65536)
        for (int64_t j0 = 0; j0 < n; j0 += block) {
            for (int64_t i = 0; i < m; i++) {
                for (int64_t j = j0; j < j0 + block && j < n; j++) {
                    const int32_t acc = aidge_qdot(k, a + i * k, flip, b + j * k);
                    y[i * n + j] = aidge_requantize((int32_t)((uint32_t)acc + (uint32_t)aidge_qchannel_offset(q, j)),
                                                    q->multiplier[j], q->shift[j], q->y_zero_point, q->y_min, q->y_max);
                }
            }
        }
        return;
    }
    const int64_t blocks = (m + AIDGE_QPANEL_NC - 1) / AIDGE_QPANEL_NC;
    const int64_t shares = aidge_qgemm_row_shares(threads, blocks, n);
    #pragma omp parallel for num_threads(threads) schedule(dynamic) if (m * n * k > 65536)
    for (int64_t t = 0; t < blocks * shares; t++) {
        const int64_t i0 = t / shares * AIDGE_QPANEL_NC;
        const int64_t nc = m - i0 < AIDGE_QPANEL_NC ? m - i0 : AIDGE_QPANEL_NC;
        int64_t j_begin, j_end;
        aidge_qgemm_row_share(t % shares, shares, n, &j_begin, &j_end);
        uint8_t panel[AIDGE_QPANEL_KC * AIDGE_QPANEL_NC];
        int32_t acc[AIDGE_QROWS * AIDGE_QPANEL_NC];
        for (int64_t r0 = j_begin; r0 < j_end; r0 += AIDGE_QROWS) {
            const int64_t rows = j_end - r0 < AIDGE_QROWS ? j_end - r0 : AIDGE_QROWS;
            for (int64_t k0 = 0; k0 < k || k0 == 0; k0 += AIDGE_QPANEL_KC) {
                const int64_t kc = k - k0 < AIDGE_QPANEL_KC ? k - k0 : AIDGE_QPANEL_KC;
                if (r0 == j_begin || k > AIDGE_QPANEL_KC) {
                    aidge_qgemm_pack(panel, a + i0 * k + k0, k, flip, nc, kc);
                }
                aidge_qgemm_panel(isa, kc, b + r0 * k + k0, k, panel, nc, rows, acc, k0 > 0);
            }
            for (int64_t r = 0; r < rows; r++) {
                aidge_requantize_row(acc + r * AIDGE_QPANEL_NC, nc, aidge_qchannel_offset(q, r0 + r), q, r0 + r, y + i0 * n + r0 + r, n);
            }
        }
    }
}
