/* needs: aidge_fast aidge_activation_f32 */
/* The register-blocked GEMM micro-kernel: a 6x16 tile of C from kc steps of 6 rows of A (row stride lda, read in
   order) and 16 columns of B (row stride ldb, so a packed panel or a plain matrix). The tile is accumulated in a
   fixed-size local array whose loops have constant trip counts, so gcc -O3 keeps it in 12 vector registers and
   vectorizes the 16-wide rows; rows and columns past rows x cols are computed on clamped data and not stored.
   The tile starts from C (accumulate), else from the bias of its rows, else from 0. It is stored through the
   activation `act` (the last k step of a FusedConv/FusedGemm; AIDGE_ACT_NONE otherwise), applied to the registers
   as they are stored: one switch per tile picks a store loop with the activation inlined. */
#define AIDGE_MR 6
#define AIDGE_NR 16
AIDGE_FAST
static void aidge_gemm_micro_f32(int64_t kc, const float* a, int64_t lda, const float* b, int64_t ldb,
                                 float* c, int64_t ldc, int64_t rows, int64_t cols, const float* bias, int accumulate,
                                 int act, float p0, float p1)
{
    float acc[AIDGE_MR][AIDGE_NR];
    const float* arow[AIDGE_MR];
    for (int i = 0; i < AIDGE_MR; i++) {
        arow[i] = a + (i < rows ? i : rows - 1) * lda;
        for (int j = 0; j < AIDGE_NR; j++) {
            acc[i][j] = accumulate && i < rows && j < cols ? c[i * ldc + j] : (bias != NULL && i < rows ? bias[i] : 0.0f);
        }
    }
    for (int64_t p = 0; p < kc; p++) {
        const float* bp = b + p * ldb;
        for (int i = 0; i < AIDGE_MR; i++) {
            const float av = arow[i][p];
            #pragma omp simd
            for (int j = 0; j < AIDGE_NR; j++) {
                acc[i][j] += av * bp[j];
            }
        }
    }
#define AIDGE_MICRO_STORE(f) \
    for (int i = 0; i < rows; i++) { \
        for (int j = 0; j < cols; j++) { \
            c[i * ldc + j] = f(acc[i][j], p0, p1); \
        } \
    }
    AIDGE_FOR_ACTIVATION(act, AIDGE_MICRO_STORE)
#undef AIDGE_MICRO_STORE
}
