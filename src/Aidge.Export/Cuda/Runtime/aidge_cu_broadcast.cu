/* needs: aidge_cu_grid */
/* The geometry of up to three tensors read with NumPy broadcasting over an output of `rank` dims (at most
   AIDGE_CU_MAX_RANK): each input's element strides per output dim, 0 along the dims it repeats. Passed to kernels by
   value, so it needs no device copy. */

struct aidge_cu_broadcast
{
    int rank;
    long long dims[AIDGE_CU_MAX_RANK];
    long long strides[3][AIDGE_CU_MAX_RANK];
};

/* The offsets into each input of output element `index`. */
static __device__ __forceinline__ void aidge_cu_broadcast_offsets(const aidge_cu_broadcast& g, long long index, long long* offsets, int inputs)
{
    for (int t = 0; t < inputs; t++)
    {
        offsets[t] = 0;
    }
    for (int d = g.rank - 1; d >= 0; d--)
    {
        const long long i = index % g.dims[d];
        index /= g.dims[d];
        for (int t = 0; t < inputs; t++)
        {
            offsets[t] += i * g.strides[t][d];
        }
    }
}
