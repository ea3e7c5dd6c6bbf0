/* needs: aidge_cu_reduce_axes */
/* The dims of a reduction's input, for axes known only at run time. */
struct aidge_cu_reduce_shape
{
    int rank;
    long long dims[AIDGE_CU_MAX_RANK];
};

/* Splits the dims into kept and reduced ones (with their dense strides) from axes in device memory: negative axes
   count from the end, no axes means every axis, or none when noop is set. Returns 0 when nothing is reduced (the
   caller copies). */
static __device__ int aidge_cu_reduce_split(const aidge_cu_reduce_shape& s, const int64_t* axes, long long axis_count, int noop, aidge_cu_reduce_axes* g)
{
    int reduced[AIDGE_CU_MAX_RANK];
    long long strides[AIDGE_CU_MAX_RANK];
    long long stride = 1;
    for (int d = s.rank - 1; d >= 0; d--)
    {
        reduced[d] = axis_count == 0 && !noop;
        strides[d] = stride;
        stride *= s.dims[d];
    }
    for (long long a = 0; a < axis_count; a++)
    {
        const long long axis = axes[a] < 0 ? axes[a] + s.rank : axes[a];
        if (axis >= 0 && axis < s.rank)
        {
            reduced[axis] = 1;
        }
    }
    g->kept_rank = 0;
    g->rank = 0;
    g->count = 1;
    for (int d = 0; d < s.rank; d++)
    {
        if (reduced[d])
        {
            g->dims[g->rank] = s.dims[d];
            g->strides[g->rank++] = strides[d];
            g->count *= s.dims[d];
        }
        else
        {
            g->kept_dims[g->kept_rank] = s.dims[d];
            g->kept_strides[g->kept_rank++] = strides[d];
        }
    }
    return g->rank > 0;
}
