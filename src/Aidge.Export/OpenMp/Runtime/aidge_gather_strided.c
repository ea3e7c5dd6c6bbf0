/* Copies n elements of size bytes in output order, reading the source at strided element offsets: the permutation of
   Transpose and the window of Slice. out_dims are the output dims, src_strides the source element stride of each output
   axis, src_offset the first source element. Elements are moved by size, so every element type works. */
static void aidge_gather_strided(int threads, const void* source, void* target, int64_t size, int rank,
                                 const int64_t* out_dims, const int64_t* src_strides, int64_t src_offset, int64_t n)
{
    const int64_t inner = rank > 0 ? out_dims[rank - 1] : 1;
    const int64_t outer = inner > 0 ? n / inner : 0;
    const int64_t step = rank > 0 ? src_strides[rank - 1] : 0;
    const unsigned char* src = (const unsigned char*)source;
    unsigned char* dst = (unsigned char*)target;
    #pragma omp parallel for num_threads(threads) schedule(static) if (n > 65536)
    for (int64_t o = 0; o < outer; o++) {
        int64_t offset = src_offset, rest = o;
        for (int d = rank - 2; d >= 0; d--) {
            offset += (rest % out_dims[d]) * src_strides[d];
            rest /= out_dims[d];
        }
        for (int64_t i = 0; i < inner; i++) {
            memcpy(dst + (o * inner + i) * size, src + (offset + i * step) * size, (size_t)size);
        }
    }
}
