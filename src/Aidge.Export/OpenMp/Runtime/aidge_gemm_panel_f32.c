/* needs: aidge_gemm_micro_f32 */
/* The step shared by the blocked GEMMs (Conv, Gemm, MatMul): once a task has packed kc rows of its block of B (at
   most AIDGE_PANEL_NC columns) into a [kc][AIDGE_PANEL_NC] panel, C[m_begin:m_end, 0:nc] (+)= A[m_begin:m_end, 0:kc]
   x panel, one 6x16 micro-tile at a time, column strip outer so that the strip (kc x 16 floats) stays in L1 while
   the rows of A stream through. The tiles start from C when accumulating, else from the bias of their rows, else 0,
   and are stored through the activation `act` (the caller passes it with the last kc block only).
   The panel (64 KB) is a local array of the task: run never allocates, and it fits the L2 cache.
   aidge_gemm_row_share splits the output rows among tasks when there are too few column blocks to keep every thread
   busy (deep layers with small maps, short matrices): 2 tasks per thread, whole 6-row blocks per share. */
#define AIDGE_PANEL_NC 64
#define AIDGE_PANEL_KC 256
static void aidge_gemm_panel_f32(int64_t kc, const float* a, int64_t lda, const float* panel, float* c, int64_t ldc,
                                 int64_t m_begin, int64_t m_end, int64_t nc, const float* bias, int accumulate,
                                 int act, float p0, float p1)
{
    for (int64_t j0 = 0; j0 < nc; j0 += AIDGE_NR) {
        for (int64_t m0 = m_begin; m0 < m_end; m0 += AIDGE_MR) {
            aidge_gemm_micro_f32(kc, a + m0 * lda, lda, panel + j0, AIDGE_PANEL_NC, c + m0 * ldc + j0, ldc,
                                 m_end - m0 < AIDGE_MR ? m_end - m0 : AIDGE_MR, nc - j0 < AIDGE_NR ? nc - j0 : AIDGE_NR,
                                 bias != NULL ? bias + m0 : NULL, accumulate, act, p0, p1);
        }
    }
}

static int64_t aidge_gemm_row_shares(int threads, int64_t column_tasks, int64_t rows)
{
    const int64_t row_blocks = (rows + AIDGE_MR - 1) / AIDGE_MR;
    /* Each share packs its own panel, so share only when the column blocks alone leave threads idle: never on one
       thread, which runs every share in turn (a small map at one thread would pack each panel twice for nothing). */
    if (threads <= 1 || column_tasks >= 2 * (int64_t)threads) {
        return 1;
    }
    const int64_t shares = column_tasks > 0 ? (2 * (int64_t)threads + column_tasks - 1) / column_tasks : 1;
    return shares < row_blocks ? (shares > 0 ? shares : 1) : (row_blocks > 0 ? row_blocks : 1);
}

/* The rows [*begin, *end) of share `share` of `shares`, in whole 6-row blocks. */
static void aidge_gemm_row_share(int64_t share, int64_t shares, int64_t rows, int64_t* begin, int64_t* end)
{
    const int64_t row_blocks = (rows + AIDGE_MR - 1) / AIDGE_MR;
    *begin = share * row_blocks / shares * AIDGE_MR;
    *end = (share + 1) * row_blocks / shares * AIDGE_MR;
    *end = *end < rows ? *end : rows;
}
