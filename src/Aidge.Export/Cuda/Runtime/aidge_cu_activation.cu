/* The activations FusedConv and FusedGemm apply as each output is stored (the ai.aidge fused operators'
   FusedActivation): one device function per kind, the formulas of the simulator's FusedActivation.Apply in the same
   order, NaN staying NaN. The AIDGE_ACT_* numbers come with the calls (ActivationEpilogue.Constants); p0 and p1
   are activation_params: [min, max] for Clip, [alpha] for LeakyRelu, [alpha, beta] for HardSigmoid. */

static __device__ __forceinline__ float aidge_cu_relu(float x) { return x < 0.0f ? 0.0f : x; }
/* max first, then min: a minimum above the maximum gives the maximum, as ONNX Clip does. */
static __device__ __forceinline__ float aidge_cu_clip(float x, float lo, float hi) { const float v = x < lo ? lo : x; return v > hi ? hi : v; }
static __device__ __forceinline__ float aidge_cu_leaky_relu(float x, float alpha) { return x < 0.0f ? alpha * x : x; }
/* e^-x only for x >= 0 and e^x only below, so neither overflows. */
static __device__ __forceinline__ float aidge_cu_sigmoid(float x)
{
    if (x >= 0.0f) {
        return 1.0f / (1.0f + expf(-x));
    }
    const float e = expf(x);
    return e / (1.0f + e);
}
static __device__ __forceinline__ float aidge_cu_hard_sigmoid(float x, float alpha, float beta) { return aidge_cu_clip(alpha * x + beta, 0.0f, 1.0f); }
static __device__ __forceinline__ float aidge_cu_hard_swish(float x) { return x * aidge_cu_clip(x * (1.0f / 6.0f) + 0.5f, 0.0f, 1.0f); }
static __device__ __forceinline__ float aidge_cu_swish(float x) { return x * aidge_cu_sigmoid(x); }
static __device__ __forceinline__ float aidge_cu_tanh(float x) { return tanhf(x); }

/* The activation `act` of a store; every thread of a launch takes the same branch. */
static __device__ __forceinline__ float aidge_cu_activate(int act, float x, float p0, float p1)
{
    switch (act) {
    case AIDGE_ACT_RELU: return aidge_cu_relu(x);
    case AIDGE_ACT_CLIP: return aidge_cu_clip(x, p0, p1);
    case AIDGE_ACT_LEAKY_RELU: return aidge_cu_leaky_relu(x, p0);
    case AIDGE_ACT_SIGMOID: return aidge_cu_sigmoid(x);
    case AIDGE_ACT_HARD_SIGMOID: return aidge_cu_hard_sigmoid(x, p0, p1);
    case AIDGE_ACT_HARD_SWISH: return aidge_cu_hard_swish(x);
    case AIDGE_ACT_SWISH: return aidge_cu_swish(x);
    case AIDGE_ACT_TANH: return aidge_cu_tanh(x);
    default: return x;
    }
}
