/* Copies bytes between two device buffers on the stream (graph outputs that are inputs, constants or repeats). */
static void aidge_cu_copy(const void* src, void* dst, long long bytes, cudaStream_t stream)
{
    cudaMemcpyAsync(dst, src, (size_t)bytes, cudaMemcpyDeviceToDevice, stream);
}
