/* needs: aidge_gemm_panel_f32 aidge_conv_pack_f32 */
/* Convolution as a GEMM without an im2col buffer (run never allocates): Y[m][n] = bias[m] + sum_k W[m][k] X'(k, n),
   where k runs over (input channel, kernel offset), n over output positions, and X'(k, n) is the input under that
   kernel offset (0 in the padding). Tasks are (image, group, block of 64 output positions, share of the output
   channels), spread over the threads; each task packs the im2col of its block, 256 values of k at a time, into its
   panel (reused by every output channel, so the input is read once per task), then multiplies the rows of W by it
   (aidge_gemm_panel_f32; rows of W are contiguous along k: read in order, no packing needed). The last block of k
   stores through the activation `act` (FusedConv; AIDGE_ACT_NONE for Conv). */
static void aidge_conv_gemm_f32(int threads, const float* x, const float* w, const float* bias, float* y,
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
    const int64_t depth = cin_g * k_size;
    const int64_t blocks = (out_size + AIDGE_PANEL_NC - 1) / AIDGE_PANEL_NC;
    if (batch * group * blocks == 0) {
        return;
    }
    const int64_t shares = aidge_gemm_row_shares(threads, batch * group * blocks, cout_g);
    /* Dynamic: tasks are coarse (a panel each), so handing them out costs nothing, and a thread that the OS preempts
       (a busy machine) no longer holds back its static share. Results do not depend on which thread runs a task. */
    #pragma omp parallel for num_threads(threads) schedule(dynamic) if (batch * cout * out_size * depth > 32768)
    for (int64_t t = 0; t < batch * group * blocks * shares; t++) {
        const int64_t image = t / (shares * group * blocks);
        const int64_t g = (t / (shares * blocks)) % group;
        const int64_t n0 = (t / shares % blocks) * AIDGE_PANEL_NC;
        int64_t m_begin, m_end;
        aidge_gemm_row_share(t % shares, shares, cout_g, &m_begin, &m_end);
        const int64_t nc = out_size - n0 < AIDGE_PANEL_NC ? out_size - n0 : AIDGE_PANEL_NC;
        const float* xg = x + (image * cin + g * cin_g) * in_size;
        float* yg = y + (image * cout + g * cout_g) * out_size + n0;
        float panel[AIDGE_PANEL_KC * AIDGE_PANEL_NC];
        for (int64_t k0 = 0; k0 < depth; k0 += AIDGE_PANEL_KC) {
            const int64_t kc = depth - k0 < AIDGE_PANEL_KC ? depth - k0 : AIDGE_PANEL_KC;
            aidge_conv_pack_f32(panel, xg, n0, nc, k0, kc, in, out, kernel, stride, dilation, pad);
            aidge_gemm_panel_f32(kc, w + g * cout_g * depth + k0, depth, panel, yg, out_size, m_begin, m_end, nc,
                                 k0 == 0 && bias != NULL ? bias + g * cout_g : NULL, k0 > 0,
                                 k0 + kc >= depth ? act : AIDGE_ACT_NONE, p0, p1);
        }
    }
}
