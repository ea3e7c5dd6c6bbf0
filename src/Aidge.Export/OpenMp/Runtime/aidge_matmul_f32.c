/* needs: aidge_gemm_f32 */
/* Batched matrix product with broadcast batch dims: for each output batch index, one GEMM of [m,k] x [k,n], the
   operands' batch offsets computed from their broadcast strides (0 along repeated dims). */
static void aidge_matmul_f32(int threads, const float* a, const float* b, float* y, int64_t batches, int rank,
                             const int64_t* dims, const int64_t* a_strides, const int64_t* b_strides,
                             int64_t m, int64_t n, int64_t k)
{
    for (int64_t t = 0; t < batches; t++) {
        int64_t oa = 0, ob = 0, rest = t;
        for (int d = rank - 1; d >= 0; d--) {
            const int64_t index = rest % dims[d];
            rest /= dims[d];
            oa += index * a_strides[d];
            ob += index * b_strides[d];
        }
        aidge_gemm_f32(threads, m, n, k, a + oa, k, 1, b + ob, n, 1, y + t * m * n, 1.0f, 0, AIDGE_ACT_NONE, 0.0f, 0.0f);
    }
}
