/* needs: aidge_cu_requantize */
/* ai.aidge QGemm: Y[m, n] = requantize(C[n] + sum_k (A[m, k] - x_zero_point) * B[n, k]) with A uint8 or int8 (TA),
   B int8 [N, K] and C int32 [N], one thread per output, int32 sums (the simulator rejects models whose sums leave
   int32). Plain integer multiply-adds, no dp4a, so any GPU (and the CPU emulation) runs it. Called by a generated
   kernel that names the layer's multiplier and shift table. */
template <typename TA>
static __device__ void aidge_cu_qgemm_body(const TA* a, const int8_t* b, const int32_t* bias, TA* y, long long m, long long n, long long k,
                                           aidge_cu_qlayer q, const int32_t* table)
{
    AIDGE_CU_FOR(i, m * n)
    {
        const long long col = i % n;
        const TA* row = a + (i / n) * k;
        const int8_t* weights = b + col * k;
        int acc = bias != 0 ? bias[col] : 0;
        for (long long t = 0; t < k; t++)
        {
            acc += ((int)row[t] - q.x_zero_point) * (int)weights[t];
        }
        y[i] = (TA)aidge_cu_requantize(acc, table[col], table[n + col], q);
    }
}
