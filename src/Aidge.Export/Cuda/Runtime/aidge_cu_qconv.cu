/* needs: aidge_cu_requantize aidge_cu_window */
/* ai.aidge QConv: one thread per output, acc = bias[m] + sum over its group's input channels and the kernel window of
   (x - x_zero_point) * w, int32 (the simulator rejects models whose sums leave int32); taps in the padding add
   nothing, as if the image were padded with its zero point. Then the requantization of the output channel. Plain
   integer multiply-adds (no dp4a), so every GPU and the CPU emulation run it. Called by a generated kernel that
   names the layer's multiplier and shift table. */
template <typename TA>
static __device__ void aidge_cu_qconv_body(const TA* x, const int8_t* w, const int32_t* bias, TA* y, long long batch, int channels, int outputs, int groups,
                                           aidge_cu_window g, aidge_cu_qlayer q, const int32_t* table)
{
    const long long out_size = (long long)g.out[0] * g.out[1] * g.out[2];
    const long long in_size = (long long)g.in[0] * g.in[1] * g.in[2];
    const int kernel_size = g.kernel[0] * g.kernel[1] * g.kernel[2];
    const int inputs_per_group = channels / groups;
    const int outputs_per_group = outputs / groups;
    AIDGE_CU_FOR(index, batch * outputs * out_size)
    {
        long long o = index % out_size;
        const long long plane = index / out_size;
        const int oc = (int)(plane % outputs);
        const long long image = plane / outputs;
        const int ow = (int)(o % g.out[2]);
        o /= g.out[2];
        const int oh = (int)(o % g.out[1]);
        const int od = (int)(o / g.out[1]);
        const TA* xp = x + (image * channels + (long long)(oc / outputs_per_group) * inputs_per_group) * in_size;
        const int8_t* wp = w + (long long)oc * inputs_per_group * kernel_size;
        int acc = bias != 0 ? bias[oc] : 0;
        for (int c = 0; c < inputs_per_group; c++)
        {
            for (int kd = 0; kd < g.kernel[0]; kd++)
            {
                const int id = od * g.stride[0] + kd * g.dilation[0] - g.pad[0];
                for (int kh = 0; kh < g.kernel[1] && id >= 0 && id < g.in[0]; kh++)
                {
                    const int ih = oh * g.stride[1] + kh * g.dilation[1] - g.pad[1];
                    if (ih < 0 || ih >= g.in[1])
                    {
                        continue;
                    }
                    const TA* row = xp + c * in_size + ((long long)id * g.in[1] + ih) * g.in[2];
                    const int8_t* taps = wp + c * kernel_size + (kd * g.kernel[1] + kh) * g.kernel[2];
                    for (int kw = 0; kw < g.kernel[2]; kw++)
                    {
                        const int iw = ow * g.stride[2] + kw * g.dilation[2] - g.pad[2];
                        if (iw >= 0 && iw < g.in[2])
                        {
                            acc += ((int)row[iw] - q.x_zero_point) * (int)taps[kw];
                        }
                    }
                }
            }
        }
        y[index] = (TA)aidge_cu_requantize(acc, table[oc], table[outputs + oc], q);
    }
}
