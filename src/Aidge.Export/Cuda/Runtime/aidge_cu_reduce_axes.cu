/* needs: aidge_cu_grid */
/* How a reduction walks its input, passed by value: the kept dims (the output's, in order) and the reduced dims, each
   with its input strides (at most AIDGE_CU_MAX_RANK of each after merging), and how many elements each output folds. */
struct aidge_cu_reduce_axes
{
    int kept_rank;
    long long kept_dims[AIDGE_CU_MAX_RANK];
    long long kept_strides[AIDGE_CU_MAX_RANK];
    int rank;
    long long dims[AIDGE_CU_MAX_RANK];
    long long strides[AIDGE_CU_MAX_RANK];
    long long count;
};

/* The input offset of element `index` of a row-major index space of these dims, read with these strides. */
static __device__ __forceinline__ long long aidge_cu_reduce_offset(int rank, const long long* dims, const long long* strides, long long index)
{
    long long offset = 0;
    for (int k = rank - 1; k >= 0; k--)
    {
        offset += (index % dims[k]) * strides[k];
        index /= dims[k];
    }
    return offset;
}
