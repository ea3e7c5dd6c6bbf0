/* The float activations of the HLS target's layers, owned by Aidge.Build: the simulator's arithmetic
 * (FusedActivation.Apply, the ONNX operators) with the same operations in the same order, so C simulation
 * agrees with it; expf/tanhf map to Vitis HLS's math library in synthesis. NaN stays NaN. */
#ifndef AIDGE_HLS_MATH_H
#define AIDGE_HLS_MATH_H

#include <math.h>
#include <stdint.h>

static inline float aidge_hls_relu(float x) { return x < 0.0f ? 0.0f : x; }

/* max first, then min: a minimum above the maximum gives the maximum, as ONNX Clip does. */
static inline float aidge_hls_clip(float x, float lo, float hi) { const float v = x < lo ? lo : x; return v > hi ? hi : v; }

static inline float aidge_hls_leaky_relu(float x, float alpha) { return x < 0.0f ? alpha * x : x; }

/* e^-x only for x >= 0 and e^x only below, so neither overflows. */
static inline float aidge_hls_sigmoid(float x)
{
    if (x >= 0.0f) {
        return 1.0f / (1.0f + expf(-x));
    }
    const float e = expf(x);
    return e / (1.0f + e);
}

static inline float aidge_hls_hard_sigmoid(float x, float alpha, float beta) { return aidge_hls_clip(alpha * x + beta, 0.0f, 1.0f); }

static inline float aidge_hls_hard_swish(float x) { return x * aidge_hls_clip(x * (1.0f / 6.0f) + 0.5f, 0.0f, 1.0f); }

static inline float aidge_hls_swish(float x) { return x * aidge_hls_sigmoid(x); }

static inline float aidge_hls_tanh(float x) { return tanhf(x); }

/* An integer power by squaring in uint64, wrapping on overflow as NumPy does (Pow of integers with a non-negative
 * exponent); signed bases pass through their two's-complement bits, so the low bits of the product are exact. */
static inline uint64_t aidge_ipow(uint64_t base, uint64_t exponent)
{
    uint64_t result = 1;
    for (int bit = 0; bit < 64 && exponent != 0; bit++) {
        if (exponent & 1u) {
            result *= base;
        }
        base *= base;
        exponent >>= 1;
    }
    return result;
}

#endif
