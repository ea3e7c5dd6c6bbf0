/* aidge_hls_quant.h: the integer arithmetic of quantized HLS layers, owned by Aidge.Build and emitted beside the design.
 * The formulas are Aidge.Core's Requantization (the simulator's, and the OpenMP library's aidge_requantize.c), written
 * with aidge::integer of the widths each step needs, so the FPGA, the C simulation and the simulator give the same bits:
 *   acc = sum (x - x_zero_point) * w + bias                       int32; each term (x - x_zero_point) fits 9 bits
 *   y   = clamp(y_zero_point + RoundShift(acc * multiplier, n), y_min, y_max),  n = 31 + shift in [1, 62]
 *   RoundShift(v, n) = (v + 2^(n-1)) >> n                        arithmetic shift: ties round up
 * |acc| <= 2^31 and multiplier < 2^31 keep the product below 2^62 in magnitude, so it and the rounding half fit 63 bits.
 * QuantizeLinear and DequantizeLinear follow the simulator too: the division and the product in float32, rounding half
 * to even, NaN to zero. */
#ifndef AIDGE_HLS_QUANT_H_INCLUDED
#define AIDGE_HLS_QUANT_H_INCLUDED

#include <cmath>

#include "aidge_hls_types.h"

/* A quantized activation minus its zero point: uint8 or int8 less a zero point of the same type spans [-255, 255]. */
typedef aidge::integer<9> aidge_hls_centered;

/* The sum of a quantized layer's terms and its bias. */
typedef aidge::integer<32> aidge_hls_acc;

/* One accumulator into the output type's range; n = 31 + shift. */
static inline int aidge_hls_requantize(aidge_hls_acc acc, aidge::integer<32> multiplier, int n, int y_zero_point, int y_min, int y_max)
{
    const aidge::integer<63> product = acc * multiplier;
    const aidge::integer<63> half = aidge::integer<63>(1) << (n - 1);
    const aidge::integer<63> scaled = (product + half) >> n;
    const aidge::integer<64> y = scaled + y_zero_point;
    return y < y_min ? y_min : y > y_max ? y_max : y.to_int();
}

/* QuantizeLinear: clamp(round_half_even(x / scale) + zero_point, lo, hi), the quotient in float32. */
static inline int aidge_hls_quantize(float x, float scale, int zero_point, int lo, int hi)
{
    const float rounded = std::nearbyint(x / scale);
    if (rounded != rounded)
    {
        return 0 < lo ? lo : 0 > hi ? hi : 0;
    }
    const double value = static_cast<double>(rounded) + zero_point;
    return value <= lo ? lo : value >= hi ? hi : static_cast<int>(value);
}

/* DequantizeLinear: (x - zero_point) * scale in float32. */
static inline float aidge_hls_dequantize(int x, int zero_point, float scale)
{
    return static_cast<float>(x - zero_point) * scale;
}

#endif
