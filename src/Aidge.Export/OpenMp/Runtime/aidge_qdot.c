/* needs: aidge_int8_isa */
/* Σ_k (a[k] ^ flip)·b[k] over k bytes: unsigned activations (int8 ones through their flipped sign bit) times signed
   weights, both contiguous. The GEMM-vector products of a quantized fully connected layer at batch 1, which read each
   weight once: AVX-512 VNNI or AVX-VNNI where the CPU has them, else a loop the compiler vectorizes (vpmaddwd in its
   AVX2 clone: the bytes widened to 16 bits, so no int16 sum saturates). */
AIDGE_INT8_LOOPS
static int32_t aidge_qdot_loop(int64_t k, const uint8_t* a, uint8_t flip, const int8_t* b)
{
    int32_t sum = 0;
    for (int64_t i = 0; i < k; i++) {
        sum += (int16_t)(uint8_t)(a[i] ^ flip) * (int16_t)b[i];
    }
    return sum;
}

#if AIDGE_INT8_X86
AIDGE_INT8_AVX512VNNI
static int32_t aidge_qdot_avx512vnni(int64_t k, const uint8_t* a, uint8_t flip, const int8_t* b)
{
    const __m512i flips = _mm512_set1_epi8((char)flip);
    __m512i sum = _mm512_setzero_si512();
    int64_t i = 0;
    for (; i + 64 <= k; i += 64) {
        const __m512i av = _mm512_xor_si512(_mm512_loadu_si512((const void*)(a + i)), flips);
        sum = _mm512_dpbusd_epi32(sum, av, _mm512_loadu_si512((const void*)(b + i)));
    }
    return _mm512_reduce_add_epi32(sum) + aidge_qdot_loop(k - i, a + i, flip, b + i);
}

AIDGE_INT8_AVXVNNI
static int32_t aidge_qdot_avxvnni(int64_t k, const uint8_t* a, uint8_t flip, const int8_t* b)
{
    const __m256i flips = _mm256_set1_epi8((char)flip);
    __m256i sum = _mm256_setzero_si256();
    int64_t i = 0;
    for (; i + 32 <= k; i += 32) {
        const __m256i av = _mm256_xor_si256(_mm256_loadu_si256((const __m256i*)(a + i)), flips);
        sum = _mm256_dpbusd_avx_epi32(sum, av, _mm256_loadu_si256((const __m256i*)(b + i)));
    }
    int32_t lanes[8];
    _mm256_storeu_si256((__m256i*)lanes, sum);
    int32_t total = 0;
    for (int j = 0; j < 8; j++) {
        total += lanes[j];
    }
    return total + aidge_qdot_loop(k - i, a + i, flip, b + i);
}
#endif

static int32_t aidge_qdot(int isa, int64_t k, const uint8_t* a, uint8_t flip, const int8_t* b)
{
#if AIDGE_INT8_X86
    if (isa == AIDGE_ISA_AVX512VNNI) {
        return aidge_qdot_avx512vnni(k, a, flip, b);
    }
    if (isa == AIDGE_ISA_AVXVNNI) {
        return aidge_qdot_avxvnni(k, a, flip, b);
    }
#endif
    (void)isa;
    return aidge_qdot_loop(k, a, flip, b);
}
