/* needs: aidge_int8_isa */
/* Σ_k (a[k] ^ flip)·b[k] over k bytes: unsigned activations (int8 ones through their flipped sign bit) times signed
   weights, both contiguous. The GEMM-vector products of a quantized fully connected layer at batch 1, which read each
   weight once and are bound by that read, not by arithmetic: a loop the compiler vectorizes (its AVX2 clone widens
   the bytes to 16 bits, whose products fit: 255·128 < 2^15), no VNNI needed. */
AIDGE_INT8_LOOPS
static int32_t aidge_qdot(int64_t k, const uint8_t* a, uint8_t flip, const int8_t* b)
{
    int32_t sum = 0;
    for (int64_t i = 0; i < k; i++) {
        sum += (int16_t)(uint8_t)(a[i] ^ flip) * (int16_t)b[i];
    }
    return sum;
}

