/* needs: aidge_gemm_panel_f32 */
/* Packs rows k0..k0+kc of the im2col of a block of output positions n0..n0+nc into a [kc][AIDGE_PANEL_NC] panel:
   row k holds, for each position, the input under kernel offset k (channel c, kd, kh, kw), 0 in the padding and past
   nc. The block is a few runs of consecutive output columns, each on one output row, so packing copies input rows.
   On small maps (8 columns a row) the per-run bookkeeping is the cost, hence the care below: k is counted up rather
   than divided out, no division at stride 1, and plain copies rather than memcpy calls (AIDGE_PACK). */
AIDGE_PACK
static void aidge_conv_pack_f32(float* panel, const float* xg, int64_t n0, int64_t nc, int64_t k0, int64_t kc,
                                const int64_t* in, const int64_t* out, const int64_t* kernel,
                                const int64_t* stride, const int64_t* dilation, const int64_t* pad)
{
    /* The geometry in locals: read through the pointers, it would be reloaded after every store to the run arrays. */
    const int64_t in_d = in[0], in_h = in[1], in_w = in[2], sw = stride[2];
    const int64_t k_d = kernel[0], k_h = kernel[1], k_w = kernel[2];
    const int64_t dil_d = dilation[0], dil_h = dilation[1], dil_w = dilation[2];
    const int64_t in_size = in_d * in_h * in_w;
    const int64_t k_size = k_d * k_h * k_w;
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
    int64_t kw = k0 % k_w, kh = k0 / k_w % k_h, kd = k0 / (k_w * k_h) % k_d;
    int64_t c = k0 / k_size;
    for (int64_t p = 0; p < kc; p++) {
        const int64_t dw = kw * dil_w, dh = kh * dil_h, dd = kd * dil_d;
        const float* xc = xg + c * in_size;
        float* row = panel + p * AIDGE_PANEL_NC;
        if (++kw == k_w) {
            kw = 0;
            if (++kh == k_h) {
                kh = 0;
                if (++kd == k_d) {
                    kd = 0;
                    c++;
                }
            }
        }
        for (int q = 0; q < runs; q++) {
            const int64_t id = run_d[q] + dd, ih = run_h[q] + dh;
            const int64_t j0 = run_start[q], len = run_start[q + 1] - j0;
            if (id < 0 || id >= in_d || ih < 0 || ih >= in_h) {
                for (int64_t t = 0; t < len; t++) {
                    row[j0 + t] = 0.0f;
                }
                continue;
            }
            /* Columns t in [lo, hi) read inside the row (iw = iw0 + t * sw); the others are padding. Splitting
               them keeps the branch out of the copy, which vectorizes at stride 1. */
            const float* xrow = xc + (id * in_h + ih) * in_w;
            const int64_t iw0 = run_w[q] + dw;
            int64_t lo = iw0 >= 0 ? 0 : sw == 1 ? -iw0 : (-iw0 + sw - 1) / sw;
            int64_t hi = iw0 >= in_w ? 0 : sw == 1 ? in_w - iw0 : (in_w - 1 - iw0) / sw + 1;
            lo = lo < len ? lo : len;
            hi = hi < len ? hi : len;
            hi = hi > lo ? hi : lo;
            float* dst = row + j0;
            for (int64_t t = 0; t < lo; t++) {
                dst[t] = 0.0f;
            }
            if (sw == 1) {
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
}
