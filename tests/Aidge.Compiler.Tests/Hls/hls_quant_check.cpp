/* Prints what aidge_hls_quant.h computes, for HlsQuantTests to compare with Aidge.Core's Requantization. Input on stdin:
 * a count, then that many lines "acc multiplier n y_zero_point y_min y_max", then a count and that many lines
 * "x-bits scale-bits zero_point lo hi" (floats as 8 hex digits of their bits). Output: one number per line. */
#include "aidge_hls_quant.h"

#include <cstdio>
#include <cstring>

static float from_bits(unsigned bits)
{
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

static unsigned to_bits(float value)
{
    unsigned bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

int main()
{
    int count = 0;
    if (std::scanf("%d", &count) != 1)
    {
        return 2;
    }
    for (int i = 0; i < count; i++)
    {
        int acc, multiplier, n, zero_point, lo, hi;
        if (std::scanf("%d %d %d %d %d %d", &acc, &multiplier, &n, &zero_point, &lo, &hi) != 6)
        {
            return 2;
        }
        std::printf("%d\n", aidge_hls_requantize(acc, multiplier, n, zero_point, lo, hi));
    }
    if (std::scanf("%d", &count) != 1)
    {
        return 2;
    }
    for (int i = 0; i < count; i++)
    {
        unsigned x, scale;
        int zero_point, lo, hi;
        if (std::scanf("%x %x %d %d %d", &x, &scale, &zero_point, &lo, &hi) != 5)
        {
            return 2;
        }
        int q = aidge_hls_quantize(from_bits(x), from_bits(scale), zero_point, lo, hi);
        std::printf("%d %08x\n", q, to_bits(aidge_hls_dequantize(q, zero_point, from_bits(scale))));
    }
    return 0;
}
