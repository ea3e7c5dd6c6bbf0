/* needs: aidge_gemm_panel_f32 */
/* Convolution as a GEMM without an im2col buffer (run never allocates): Y[m][n] = bias[m] + sum_k W[m][k] X'(k, n),
   where k runs over (input channel, kernel offset), n over output positions, and X'(k, n) is the input under that
   kernel offset (0 in the padding). Tasks are (image, group, block of 64 output positions, share of the output
   channels), spread over the threads; each task packs the im2col of its block, 256 values of k at a time, into its
   panel (reused by every output channel, so the input is read once per task), then multiplies the rows of W by it
   (aidge_gemm_panel_f32; rows of W are contiguous along k: read in order, no packing needed). Packing copies input
   rows: a block is a few runs of consecutive output columns on one output row. */
AIDGE_NO_MEMCPY_CALLS
static void aidge_conv_gemm_f32(int threads, const float* x, const float* w, const float* bias, float* y,
                                int64_t batch, int64_t cin, int64_t cout, int64_t group,
                                const int64_t* in, const int64_t* out, const int64_t* kernel,
                                const int64_t* stride, const int64_t* dilation, const int64_t* pad)
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
        /* The block is a few runs of consecutive output columns, each on one output row: packing copies input rows. */
        int64_t run_start[AIDGE_PANEL_NC + 1], run_d[AIDGE_PANEL_NC], run_h[AIDGE_PANEL_NC], run_w[AIDGE_PANEL_NC];
        int runs = 0;
        for (int64_t j = 0; j < nc; runs++) {
            const int64_t n = n0 + j;
            const int64_t ow = n % out[2];
            run_start[runs] = j;
            run_w[runs] = ow * stride[2] - pad[2];
            run_h[runs] = ((n / out[2]) % out[1]) * stride[1] - pad[1];
            run_d[runs] = (n / (out[2] * out[1])) * stride[0] - pad[0];
            j += out[2] - ow < nc - j ? out[2] - ow : nc - j;
        }
        run_start[runs] = nc;
        for (int64_t k0 = 0; k0 < depth; k0 += AIDGE_PANEL_KC) {
            const int64_t kc = depth - k0 < AIDGE_PANEL_KC ? depth - k0 : AIDGE_PANEL_KC;
            /* Pack the rows k0..k0+kc of the block's im2col into the panel, [kc][NC]; columns past nc are 0. k is
               (channel c, kernel offset kd, kh, kw), counted up rather than divided out (a division per k costs as
               much as copying a row of a small map). */
            int64_t kw = k0 % kernel[2], kh = k0 / kernel[2] % kernel[1], kd = k0 / (kernel[2] * kernel[1]) % kernel[0];
            int64_t c = k0 / k_size;
            for (int64_t p = 0; p < kc; p++) {
                const int64_t dw = kw * dilation[2], dh = kh * dilation[1], dd = kd * dilation[0];
                const float* xc = xg + c * in_size;
                float* row = panel + p * AIDGE_PANEL_NC;
                if (++kw == kernel[2]) {
                    kw = 0;
                    if (++kh == kernel[1]) {
                        kh = 0;
                        if (++kd == kernel[0]) {
                            kd = 0;
                            c++;
                        }
                    }
                }
                for (int q = 0; q < runs; q++) {
                    const int64_t id = run_d[q] + dd, ih = run_h[q] + dh;
                    const int64_t j0 = run_start[q], len = run_start[q + 1] - j0;
                    if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1]) {
                        for (int64_t t = 0; t < len; t++) {
                            row[j0 + t] = 0.0f;
                        }
                        continue;
                    }
                    /* Columns t in [lo, hi) read inside the row (iw = iw0 + t * sw); the others are padding. Splitting
                       them keeps the branch out of the copy, which vectorizes at stride 1. */
                    const float* xrow = xc + (id * in[1] + ih) * in[2];
                    const int64_t iw0 = run_w[q] + dw, sw = stride[2];
                    /* No division at stride 1: this runs once per run and k, which is often per 8 values. */
                    int64_t lo = iw0 >= 0 ? 0 : sw == 1 ? -iw0 : (-iw0 + sw - 1) / sw;
                    int64_t hi = iw0 >= in[2] ? 0 : sw == 1 ? in[2] - iw0 : (in[2] - 1 - iw0) / sw + 1;
                    lo = lo < len ? lo : len;
                    hi = hi < len ? hi : len;
                    hi = hi > lo ? hi : lo;
                    float* dst = row + j0;
                    for (int64_t t = 0; t < lo; t++) {
                        dst[t] = 0.0f;
                    }
                    if (sw == 1) {
                        /* Inline, not memcpy (AIDGE_NO_MEMCPY_CALLS): runs are as short as a row of the map. */
                        const float* src = xrow + iw0;
                        #pragma omp simd
                        for (int64_t t = lo; t < hi; t++) {
                            dst[t] = src[t];
                        }
                    } else {
                        for (int64_t t = lo; t < hi; t++) {
                            dst[t] = xrow[iw0 + t * sw];
                        }
                    }
                    for (int64_t t = hi; t < len; t++) {
                        dst[t] = 0.0f;
                    }
                }
                for (int64_t j = nc; j < AIDGE_PANEL_NC; j++) {
                    row[j] = 0.0f;
                }
            }
            aidge_gemm_panel_f32(kc, w + g * cout_g * depth + k0, depth, panel, yg, out_size, m_begin, m_end, nc,
                                 k0 == 0 && bias != NULL ? bias + g * cout_g : NULL, k0 > 0);
        }
    }
}
