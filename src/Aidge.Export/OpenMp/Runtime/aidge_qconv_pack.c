/* needs: aidge_fast aidge_qgemm_panel */
/* Packs k0..k0+kc of the im2col of output positions n0..n0+nc into the quad panel of aidge_qgemm_panel: k runs over
   (input channel, kd, kh, kw), and element (k, j) is the input byte under kernel offset k for position n0 + j, its
   sign bit flipped for int8 (flip = 0x80), or the flipped input zero point (pad_value) in the padding, so that padding
   adds nothing to Σ (x − x_zero_point)·w. The block is a few runs of consecutive output columns, each on one output
   row; four k rows at a time are gathered from input row pieces into a [4][NC] buffer, then interleaved into the
   panel's quad, both loops the compiler vectorizes. */
AIDGE_PACK
static void aidge_qconv_pack(uint8_t* panel, const uint8_t* xg, uint8_t flip, uint8_t pad_value,
                             int64_t n0, int64_t nc, int64_t k0, int64_t kc,
                             const int64_t* in, const int64_t* out, const int64_t* kernel,
                             const int64_t* stride, const int64_t* dilation, const int64_t* pad)
{
    /* The geometry in locals: read through the pointers, it would be reloaded after every byte stored (a uint8_t
       store may alias anything). */
    const int64_t in_d = in[0], in_h = in[1], in_w = in[2], sw = stride[2];
    const int64_t in_size = in_d * in_h * in_w;
    const int64_t k_d = kernel[0], k_h = kernel[1], k_w = kernel[2];
    const int64_t dil_d = dilation[0], dil_h = dilation[1], dil_w = dilation[2];
    int64_t run_j[AIDGE_QPANEL_NC + 1], run_d[AIDGE_QPANEL_NC], run_h[AIDGE_QPANEL_NC], run_w[AIDGE_QPANEL_NC];
    int runs = 0;
    for (int64_t j = 0; j < nc; runs++) {
        const int64_t n = n0 + j, ow = n % out[2];
        run_j[runs] = j;
        run_w[runs] = ow * sw - pad[2];
        run_h[runs] = (n / out[2] % out[1]) * stride[1] - pad[1];
        run_d[runs] = n / (out[2] * out[1]) * stride[0] - pad[0];
        j += out[2] - ow < nc - j ? out[2] - ow : nc - j;
    }
    run_j[runs] = nc;
    /* Columns past nc stay 0; k is counted up from k0 rather than divided out per row. */
    uint8_t rows[4][AIDGE_QPANEL_NC];
    for (int b = 0; b < 4; b++) {
        for (int64_t j = nc; j < AIDGE_QPANEL_NC; j++) {
            rows[b][j] = 0;
        }
    }
    int64_t kw = k0 % k_w, kh = k0 / k_w % k_h, kd = k0 / (k_w * k_h) % k_d;
    const uint8_t* xc = xg + k0 / (k_d * k_h * k_w) * in_size;
    for (int64_t q = 0; 4 * q < kc; q++) {
        for (int b = 0; b < 4; b++) {
            uint8_t* row = rows[b];
            if (4 * q + b >= kc) {
                for (int64_t j = 0; j < nc; j++) {
                    row[j] = 0;
                }
                continue;
            }
            const int64_t dd = kd * dil_d, dh = kh * dil_h, dw = kw * dil_w;
            const uint8_t* xk = xc;
            if (++kw == k_w) {
                kw = 0;
                if (++kh == k_h) {
                    kh = 0;
                    if (++kd == k_d) {
                        kd = 0;
                        xc += in_size;
                    }
                }
            }
            for (int r = 0; r < runs; r++) {
                const int64_t id = run_d[r] + dd, ih = run_h[r] + dh;
                const int64_t j0 = run_j[r], len = run_j[r + 1] - j0;
                uint8_t* dst = row + j0;
                if (id < 0 || id >= in_d || ih < 0 || ih >= in_h) {
                    for (int64_t t = 0; t < len; t++) {
                        dst[t] = pad_value;
                    }
                    continue;
                }
                /* Columns t in [lo, hi) read inside the input row (iw = iw0 + t·sw), the others are padding. */
                const uint8_t* xrow = xk + (id * in_h + ih) * in_w;
                const int64_t iw0 = run_w[r] + dw;
                /* No division at stride 1: on small maps, runs are a few columns and a division costs more than them. */
                int64_t lo = iw0 >= 0 ? 0 : sw == 1 ? -iw0 : (-iw0 + sw - 1) / sw;
                int64_t hi = iw0 >= in_w ? 0 : sw == 1 ? in_w - iw0 : (in_w - 1 - iw0) / sw + 1;
                lo = lo < len ? lo : len;
                hi = hi < len ? hi : len;
                hi = hi > lo ? hi : lo;
                for (int64_t t = 0; t < lo; t++) {
                    dst[t] = pad_value;
                }
                if (sw == 1) {
                    /* Eight bytes at a time through a 64-bit word, then four: runs are often a row of a small map
                       (7 or 8 columns beside the padding), too short for the compiler's vector loop to pay off. */
                    const uint8_t* src = xrow + iw0;
                    const uint64_t flips = flip * UINT64_C(0x0101010101010101);
                    int64_t t = lo;
                    for (; t + 8 <= hi; t += 8) {
                        uint64_t word;
                        memcpy(&word, src + t, sizeof word);
                        word ^= flips;
                        memcpy(dst + t, &word, sizeof word);
                    }
                    if (t + 4 <= hi) {
                        uint32_t word;
                        memcpy(&word, src + t, sizeof word);
                        word ^= (uint32_t)flips;
                        memcpy(dst + t, &word, sizeof word);
                        t += 4;
                    }
                    for (; t < hi; t++) {
                        dst[t] = src[t] ^ flip;
                    }
                } else {
                    for (int64_t t = lo; t < hi; t++) {
                        dst[t] = xrow[iw0 + t * sw] ^ flip;
                    }
                }
                for (int64_t t = hi; t < len; t++) {
                    dst[t] = pad_value;
                }
            }
        }
        uint8_t* quad = panel + q * AIDGE_QPANEL_NC * 4;
        for (int j = 0; j < AIDGE_QPANEL_NC; j++) {
            quad[4 * j] = rows[0][j];
            quad[4 * j + 1] = rows[1][j];
            quad[4 * j + 2] = rows[2][j];
            quad[4 * j + 3] = rows[3][j];
        }
    }
}
