/* aidge_hls_fixed.h: what the layers of a fixed-point HLS design (the Precision metadata) use beyond the arithmetic
 * of aidge_hls_types.h, owned by Aidge.Build. Written once for any fixed type, so the same text serves ap_fixed under
 * Vitis, the plain implementation, and the full-precision sums (acc + bias) that have no typedef of their own. */
#ifndef AIDGE_HLS_FIXED_H
#define AIDGE_HLS_FIXED_H

#include "aidge_hls_types.h"

/* Relu on a fixed value: exact (a comparison and a choice, no rounding), so the design's error bound carries its
 * input's error through unchanged. T(0) rather than T(): ap_fixed's default constructor leaves the value unset. */
template <typename T>
static inline T aidge_hls_relu_fixed(const T& x)
{
    return x < T(0) ? T(0) : x;
}

#endif
