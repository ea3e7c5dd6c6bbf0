/* needs: aidge_requantize aidge_qconv_pack */
/* Quantized convolution (ai.aidge QConv) as an int8 GEMM without an im2col buffer: Y[m][n] = requantize(bias[m] +
   Σ_k (X'(k, n) − x_zero_point)·W[m][k]), k over (input channel, kernel offset), n over output positions. Tasks are
   (image, group, block of 64 output positions, share of the output channels), as in the float convolution; each
   packs its block's im2col, up to 1024 values of k at a time, into its panel, multiplies blocks of up to 64 weight
   rows by it into int32 accumulators (aidge_qgemm_panel), and requantizes them into the output. When the depth fits
   one chunk (up to 113 channels of a 3x3 kernel) the panel is packed once for all the rows; deeper layers repack it
   per block of rows, 1/64 of the multiply-adds. x and y are bytes (uint8, or int8 read through its flipped sign bit). */
static void aidge_qconv_gemm(int threads, const void* x_bytes, const int8_t* w, void* y_bytes, const aidge_qparams* q,
                             int64_t batch, int64_t cin, int64_t cout, int64_t group,
                             const int64_t* in, const int64_t* out, const int64_t* kernel,
                             const int64_t* stride, const int64_t* dilation, const int64_t* pad)
{
    const uint8_t* x = (const uint8_t*)x_bytes;
    uint8_t* y = (uint8_t*)y_bytes;
    const int64_t cin_g = cin / group;
    const int64_t cout_g = cout / group;
    const int64_t in_size = in[0] * in[1] * in[2];
    const int64_t out_size = out[0] * out[1] * out[2];
    const int64_t depth = cin_g * kernel[0] * kernel[1] * kernel[2];
    const int64_t blocks = (out_size + AIDGE_QPANEL_NC - 1) / AIDGE_QPANEL_NC;
    if (batch * group * blocks == 0) {
        return;
    }
    const int isa = aidge_int8_isa();
    const uint8_t flip = q->x_signed ? 0x80 : 0;
    const uint8_t pad_value = (uint8_t)q->x_zero_point ^ flip;
    const int64_t shares = aidge_qgemm_row_shares(threads, batch * group * blocks, cout_g);
    #pragma omp parallel for num_threads(threads) schedule(dynamic) if (batch * cout * out_size * depth > 32768)
    for (int64_t t = 0; t < batch * group * blocks * shares; t++) {
        const int64_t image = t / (shares * group * blocks);
        const int64_t g = (t / (shares * blocks)) % group;
        const int64_t n0 = (t / shares % blocks) * AIDGE_QPANEL_NC;
        const int64_t nc = out_size - n0 < AIDGE_QPANEL_NC ? out_size - n0 : AIDGE_QPANEL_NC;
        int64_t m_begin, m_end;
        aidge_qgemm_row_share(t % shares, shares, cout_g, &m_begin, &m_end);
        const uint8_t* xg = x + (image * cin + g * cin_g) * in_size;
        uint8_t panel[AIDGE_QPANEL_KC * AIDGE_QPANEL_NC];
        int32_t acc[AIDGE_QROWS * AIDGE_QPANEL_NC];
        for (int64_t r0 = m_begin; r0 < m_end; r0 += AIDGE_QROWS) {
            const int64_t rows = m_end - r0 < AIDGE_QROWS ? m_end - r0 : AIDGE_QROWS;
            for (int64_t k0 = 0; k0 < depth; k0 += AIDGE_QPANEL_KC) {
                const int64_t kc = depth - k0 < AIDGE_QPANEL_KC ? depth - k0 : AIDGE_QPANEL_KC;
                if (r0 == m_begin || depth > AIDGE_QPANEL_KC) {
                    aidge_qconv_pack(panel, xg, flip, pad_value, n0, nc, k0, kc, in, out, kernel, stride, dilation, pad);
                }
                aidge_qgemm_panel(isa, kc, w + (g * cout_g + r0) * depth + k0, depth, panel, nc, rows, acc, k0 > 0);
            }
            for (int64_t i = 0; i < rows; i++) {
                const int64_t m = g * cout_g + r0 + i;
                aidge_requantize_row(acc + i * AIDGE_QPANEL_NC, nc, aidge_qchannel_offset(q, m), q, m,
                                     y + (image * cout + m) * out_size + n0, 1);
            }
        }
    }
}
