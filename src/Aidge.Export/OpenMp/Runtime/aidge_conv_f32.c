/* needs: aidge_conv_plane_f32 */
/* Direct convolution, for the convolutions with one input channel per group (depthwise), where a GEMM has nothing to
   reuse: each (image, output channel) plane is one task, computed by aidge_conv_plane_f32 from the group's input
   channels. Up to three spatial dims (fewer are padded with size-1 dims in front), strides, dilations, padding.
   FusedConv's activation `act` is applied by the plane as each output row is finished. */
static void aidge_conv_f32(int threads, const float* x, const float* w, const float* bias, float* y,
                           int64_t batch, int64_t cin, int64_t cout, int64_t group,
                           const int64_t* in, const int64_t* out, const int64_t* kernel,
                           const int64_t* stride, const int64_t* dilation, const int64_t* pad,
                           int act, float p0, float p1)
{
    const int64_t cin_g = cin / group;
    const int64_t cout_g = cout / group;
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t out_size = out[0] * out[1] * out[2];
    const int64_t k_size = kernel[0] * kernel[1] * kernel[2];
    #pragma omp parallel for num_threads(threads) schedule(static) if (batch * cout * out_size * cin_g * k_size > 32768)
    for (int64_t t = 0; t < batch * cout; t++) {
        const int64_t m = t % cout;
        aidge_conv_plane_f32(x + ((t / cout) * cin + m / cout_g * cin_g) * in_size, cin_g, w + m * cin_g * k_size,
                             bias != NULL ? bias[m] : 0.0f, y + t * out_size, in, out, kernel, stride, dilation, pad,
                             act, p0, p1);
    }
}
