/* Copies bytes between two device buffers on the stream (a relabelling node such as Reshape, graph outputs that are
   inputs, constants or repeats). A node whose output shares its input's buffer has nothing to move. */
static void aidge_cu_copy(const void* src, void* dst, long long bytes, cudaStream_t stream)
{
    if (src != dst && bytes > 0) {
        cudaMemcpyAsync(dst, src, (size_t)bytes, cudaMemcpyDeviceToDevice, stream);
    }
}
