/* needs: aidge_int8_isa */
/* The int8 GEMM step shared by QConv and QGemm: acc[i][j] (+)= Σ_k w[i][k]·panel(k, j) for the rows i of a block of
   weights (int8, rows along k, row stride ldw) and the columns j < nc of a packed panel of activations (uint8).
   The panel holds AIDGE_QPANEL_NC columns in groups of 4 consecutive k ("quads"): byte b of column j of quad q is
   at panel[(q·NC + j)·4 + b], so one 32-bit lane holds the 4 bytes that vpdpbusd multiplies by 4 weights and sums.
   Columns past nc and k past the chunk are 0 in the panel. acc is [rows][AIDGE_QPANEL_NC] int32 (at most
   AIDGE_QROWS rows). Register-blocked micro-kernels, one per instruction set, each an MR x NR tile accumulated in
   registers over the whole chunk: AVX-512 VNNI 8x32, AVX-VNNI 6x16, AVX2 4x16, portable 4x16. Rows past the block
   are computed on its last row and not stored. A chunk whose length is not a multiple of 4 ends with a partial quad:
   its weights come from tail (one int32 per row, zero-padded) so no kernel reads past the end of a weight row. */
#define AIDGE_QPANEL_NC 64
#define AIDGE_QPANEL_KC 1024
#define AIDGE_QROWS 64
#define AIDGE_QNR_MAX 32

typedef void (*aidge_qmicro)(int64_t quads, const int8_t* w, int64_t ldw, const int32_t* tail, const uint8_t* strip,
                             int32_t* acc, int64_t rows, int64_t cols, int accumulate);

/* Four weights of row i from quad q, as vpdpbusd broadcasts them (byte b = k 4q+b, little-endian). */
static inline int32_t aidge_weight_quad(const int8_t* row, int64_t q)
{
    int32_t v;
    memcpy(&v, row + 4 * q, sizeof v);
    return v;
}

/* Stores (or adds) a tile row held in an int32 array into acc, columns < cols. */
static inline void aidge_qtile_store(int32_t* acc_row, const int32_t* tile_row, int64_t cols, int accumulate)
{
    for (int64_t j = 0; j < cols; j++) {
        acc_row[j] = accumulate ? (int32_t)((uint32_t)acc_row[j] + (uint32_t)tile_row[j]) : tile_row[j];
    }
}

#define AIDGE_QMR_PORTABLE 4
#define AIDGE_QNR_PORTABLE 16
/* Each quad of the strip is first spread into 4 rows of 16 columns, so the products run along contiguous columns,
   which the compiler vectorizes (the interleaved quads it would not). */
AIDGE_INT8_LOOPS
static void aidge_qmicro_portable(int64_t quads, const int8_t* w, int64_t ldw, const int32_t* tail, const uint8_t* strip,
                                  int32_t* acc, int64_t rows, int64_t cols, int accumulate)
{
    int32_t tile[AIDGE_QMR_PORTABLE][AIDGE_QNR_PORTABLE] = {{0}};
    const int8_t* wr[AIDGE_QMR_PORTABLE];
    for (int i = 0; i < AIDGE_QMR_PORTABLE; i++) {
        wr[i] = w + (i < rows ? i : rows - 1) * ldw;
    }
    for (int64_t q = 0; q < quads + (tail != NULL); q++) {
        const uint8_t* p = strip + q * AIDGE_QPANEL_NC * 4;
        int16_t xs[4][AIDGE_QNR_PORTABLE];
        for (int j = 0; j < AIDGE_QNR_PORTABLE; j++) {
            for (int b = 0; b < 4; b++) {
                xs[b][j] = p[4 * j + b];
            }
        }
        for (int i = 0; i < AIDGE_QMR_PORTABLE; i++) {
            int8_t wq[4];
            const int32_t packed = q < quads ? aidge_weight_quad(wr[i], q) : tail[i < rows ? i : rows - 1];
            memcpy(wq, &packed, sizeof wq);
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < AIDGE_QNR_PORTABLE; j++) {
                    tile[i][j] += wq[b] * xs[b][j];
                }
            }
        }
    }
    for (int64_t i = 0; i < rows && i < AIDGE_QMR_PORTABLE; i++) {
        aidge_qtile_store(acc + i * AIDGE_QPANEL_NC, tile[i], cols, accumulate);
    }
}

#if AIDGE_INT8_X86
/* One register-blocked micro-kernel for the three x86 levels: an MR x (2 vectors) tile of int32 lanes, each lane
   one column, accumulated over the quads by dpbusd (u8 panel bytes x s8 weights, 4 products summed per lane). */
#define AIDGE_QMICRO_X86(name, target, mr, vec, lanes, zero, load, set1, store, dpbusd)                                 \
    target static void name(int64_t quads, const int8_t* w, int64_t ldw, const int32_t* tail, const uint8_t* strip,   \
                            int32_t* acc, int64_t rows, int64_t cols, int accumulate)                                \
    {                                                                                                                 \
        vec c[mr][2];                                                                                                 \
        const int8_t* wr[mr];                                                                                         \
        for (int i = 0; i < mr; i++) {                                                                                \
            wr[i] = w + (i < rows ? i : rows - 1) * ldw;                                                              \
            c[i][0] = c[i][1] = zero();                                                                               \
        }                                                                                                             \
        for (int64_t q = 0; q < quads + (tail != NULL); q++) {                                                        \
            const uint8_t* p = strip + q * AIDGE_QPANEL_NC * 4;                                                       \
            const vec b0 = load(p), b1 = load(p + 4 * (lanes));                                                       \
            for (int i = 0; i < mr; i++) {                                                                            \
                const vec wq = set1(q < quads ? aidge_weight_quad(wr[i], q) : tail[i < rows ? i : rows - 1]);          \
                c[i][0] = dpbusd(c[i][0], b0, wq);                                                                    \
                c[i][1] = dpbusd(c[i][1], b1, wq);                                                                    \
            }                                                                                                         \
        }                                                                                                             \
        for (int64_t i = 0; i < rows && i < mr; i++) {                                                                \
            int32_t tile[2 * (lanes)];                                                                                \
            store(tile, c[i][0]);                                                                                     \
            store(tile + (lanes), c[i][1]);                                                                           \
            aidge_qtile_store(acc + i * AIDGE_QPANEL_NC, tile, cols, accumulate);                                     \
        }                                                                                                             \
    }

#define AIDGE_INT8_INLINE(isa) __attribute__((target(isa), always_inline)) static inline
AIDGE_INT8_INLINE("avx2") __m256i aidge_load256(const uint8_t* p) { return _mm256_loadu_si256((const __m256i*)p); }
AIDGE_INT8_INLINE("avx2") void aidge_store256(int32_t* p, __m256i v) { _mm256_storeu_si256((__m256i*)p, v); }
AIDGE_INT8_INLINE("avx512f") __m512i aidge_load512(const uint8_t* p) { return _mm512_loadu_si512((const void*)p); }
AIDGE_INT8_INLINE("avx512f") void aidge_store512(int32_t* p, __m512i v) { _mm512_storeu_si512((void*)p, v); }
AIDGE_INT8_INLINE("avx2,avxvnni") __m256i aidge_dpbusd_avxvnni(__m256i c, __m256i u, __m256i s) { return _mm256_dpbusd_avx_epi32(c, u, s); }
AIDGE_INT8_INLINE("avx512f,avx512vnni") __m512i aidge_dpbusd_avx512vnni(__m512i c, __m512i u, __m512i s) { return _mm512_dpbusd_epi32(c, u, s); }
/* vpdpbusd without VNNI, exactly: the even and odd bytes of each 16-bit lane, zero-extended (activations) and
   sign-extended (weights), multiplied and summed in pairs by vpmaddwd; int16 x int16 -> int32 cannot saturate.
   Inlined into the kernel, the splits of a panel vector (shared by the rows) and of a weight quad (shared by the two
   vectors) are computed once. */
AIDGE_INT8_INLINE("avx2") __m256i aidge_dpbusd_avx2(__m256i c, __m256i u, __m256i s)
{
    const __m256i even = _mm256_madd_epi16(_mm256_and_si256(u, _mm256_set1_epi16(0x00FF)), _mm256_srai_epi16(_mm256_slli_epi16(s, 8), 8));
    const __m256i odd = _mm256_madd_epi16(_mm256_srli_epi16(u, 8), _mm256_srai_epi16(s, 8));
    return _mm256_add_epi32(c, _mm256_add_epi32(even, odd));
}

#define AIDGE_QMR_AVX2 4
#define AIDGE_QMR_AVXVNNI 6
#define AIDGE_QMR_AVX512VNNI 8
AIDGE_QMICRO_X86(aidge_qmicro_avx2, AIDGE_INT8_AVX2, AIDGE_QMR_AVX2, __m256i, 8, _mm256_setzero_si256, aidge_load256, _mm256_set1_epi32, aidge_store256, aidge_dpbusd_avx2)
AIDGE_QMICRO_X86(aidge_qmicro_avxvnni, AIDGE_INT8_AVXVNNI, AIDGE_QMR_AVXVNNI, __m256i, 8, _mm256_setzero_si256, aidge_load256, _mm256_set1_epi32, aidge_store256, aidge_dpbusd_avxvnni)
AIDGE_QMICRO_X86(aidge_qmicro_avx512vnni, AIDGE_INT8_AVX512VNNI, AIDGE_QMR_AVX512VNNI, __m512i, 16, _mm512_setzero_si512, aidge_load512, _mm512_set1_epi32, aidge_store512, aidge_dpbusd_avx512vnni)
#endif

/* The micro-kernel of an instruction-set level and its tile. */
static aidge_qmicro aidge_qmicro_for(int isa, int* mr, int* nr)
{
    *nr = 16;
#if AIDGE_INT8_X86
    if (isa == AIDGE_ISA_AVX512VNNI) {
        *mr = AIDGE_QMR_AVX512VNNI;
        *nr = 32;
        return aidge_qmicro_avx512vnni;
    }
    if (isa == AIDGE_ISA_AVXVNNI) {
        *mr = AIDGE_QMR_AVXVNNI;
        return aidge_qmicro_avxvnni;
    }
    if (isa == AIDGE_ISA_AVX2) {
        *mr = AIDGE_QMR_AVX2;
        return aidge_qmicro_avx2;
    }
#endif
    (void)isa;
    *mr = AIDGE_QMR_PORTABLE;
    return aidge_qmicro_portable;
}

/* acc (+)= w[0:rows, 0:kc] x panel[0:kc, 0:nc]; column strip outer, so that the strip (kc x NR bytes) stays in L1
   while the rows of w stream through. */
static void aidge_qgemm_panel(int isa, int64_t kc, const int8_t* w, int64_t ldw, const uint8_t* panel, int64_t nc,
                              int64_t rows, int32_t* acc, int accumulate)
{
    int mr, nr;
    const aidge_qmicro micro = aidge_qmicro_for(isa, &mr, &nr);
    const int64_t quads = kc / 4, rest = kc % 4;
    int32_t tail[AIDGE_QROWS];
    if (rest > 0) {
        for (int64_t i = 0; i < rows; i++) {
            int8_t bytes[4] = {0, 0, 0, 0};
            memcpy(bytes, w + i * ldw + 4 * quads, (size_t)rest);
            memcpy(&tail[i], bytes, sizeof bytes);
        }
    }
    for (int64_t j0 = 0; j0 < nc; j0 += nr) {
        for (int64_t m0 = 0; m0 < rows; m0 += mr) {
            micro(quads, w + m0 * ldw, ldw, rest > 0 ? tail + m0 : NULL, panel + j0 * 4, acc + m0 * AIDGE_QPANEL_NC + j0,
                  rows - m0 < mr ? rows - m0 : mr, nc - j0 < nr ? nc - j0 : nr, accumulate);
        }
    }
}

/* The rows [*begin, *end) of share `share` of `shares` (whole blocks of 24 rows, a multiple of every MR), and how many
   shares: tasks split the output rows only when their column blocks alone leave threads idle (2 tasks per thread),
   since each share packs its own panel. */
static int64_t aidge_qgemm_row_shares(int threads, int64_t column_tasks, int64_t rows)
{
    const int64_t blocks = (rows + 23) / 24;
    if (column_tasks >= 2 * (int64_t)threads || blocks <= 1) {
        return 1;
    }
    const int64_t shares = (2 * (int64_t)threads + column_tasks - 1) / column_tasks;
    return shares < blocks ? shares : blocks;
}

static void aidge_qgemm_row_share(int64_t share, int64_t shares, int64_t rows, int64_t* begin, int64_t* end)
{
    const int64_t blocks = (rows + 23) / 24;
    *begin = share * blocks / shares * 24;
    *end = (share + 1) * blocks / shares * 24;
    *end = *end < rows ? *end : rows;
}
