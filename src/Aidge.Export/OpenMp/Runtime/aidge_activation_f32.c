/* The activations that FusedConv and FusedGemm apply in their kernels' epilogues, as each output is stored, so that
   the output is written once instead of being read back by a separate activation node. Each is the arithmetic of
   FusedActivation.Apply in the simulator (the same operations in the same order, libm's expf and tanhf), and NaN
   stays NaN as in the unfused operators. p0 and p1 are activation_params: [min, max] for Clip, [alpha] for LeakyRelu,
   [alpha, beta] for HardSigmoid. AIDGE_ACT_NONE is plain Conv and Gemm. */
#define AIDGE_ACT_NONE 0
#define AIDGE_ACT_RELU 1
#define AIDGE_ACT_CLIP 2
#define AIDGE_ACT_LEAKY_RELU 3
#define AIDGE_ACT_SIGMOID 4
#define AIDGE_ACT_HARD_SIGMOID 5
#define AIDGE_ACT_HARD_SWISH 6
#define AIDGE_ACT_SWISH 7
#define AIDGE_ACT_TANH 8

static inline float aidge_act_none(float x, float p0, float p1) { (void)p0; (void)p1; return x; }
static inline float aidge_act_relu(float x, float p0, float p1) { (void)p0; (void)p1; return x < 0.0f ? 0.0f : x; }
/* max first, then min: a minimum above the maximum gives the maximum, as ONNX Clip does. */
static inline float aidge_act_clip(float x, float p0, float p1) { const float v = x < p0 ? p0 : x; return v > p1 ? p1 : v; }
static inline float aidge_act_leaky_relu(float x, float p0, float p1) { (void)p1; return x < 0.0f ? p0 * x : x; }
/* e^-x only for x >= 0 and e^x only below, so neither overflows. */
static inline float aidge_act_sigmoid(float x, float p0, float p1)
{
    (void)p0; (void)p1;
    if (x >= 0.0f) {
        return 1.0f / (1.0f + expf(-x));
    }
    const float e = expf(x);
    return e / (1.0f + e);
}
static inline float aidge_act_hard_sigmoid(float x, float p0, float p1) { return aidge_act_clip(p0 * x + p1, 0.0f, 1.0f); }
static inline float aidge_act_hard_swish(float x, float p0, float p1) { (void)p0; (void)p1; return x * aidge_act_clip(x * (1.0f / 6.0f) + 0.5f, 0.0f, 1.0f); }
static inline float aidge_act_swish(float x, float p0, float p1) { return x * aidge_act_sigmoid(x, p0, p1); }
static inline float aidge_act_tanh(float x, float p0, float p1) { (void)p0; (void)p1; return tanhf(x); }

/* Runs LOOP(f) for the activation `act` names, f being its function: the activation is chosen once, outside the
   loop, and each copy of the loop is compiled with its activation inlined (the plain copy is the unfused store). */
#define AIDGE_FOR_ACTIVATION(act, LOOP) \
    switch (act) { \
    case AIDGE_ACT_RELU: LOOP(aidge_act_relu); break; \
    case AIDGE_ACT_CLIP: LOOP(aidge_act_clip); break; \
    case AIDGE_ACT_LEAKY_RELU: LOOP(aidge_act_leaky_relu); break; \
    case AIDGE_ACT_SIGMOID: LOOP(aidge_act_sigmoid); break; \
    case AIDGE_ACT_HARD_SIGMOID: LOOP(aidge_act_hard_sigmoid); break; \
    case AIDGE_ACT_HARD_SWISH: LOOP(aidge_act_hard_swish); break; \
    case AIDGE_ACT_SWISH: LOOP(aidge_act_swish); break; \
    case AIDGE_ACT_TANH: LOOP(aidge_act_tanh); break; \
    default: LOOP(aidge_act_none); break; \
    }

/* y[0:n] = act(y[0:n]), for epilogues that finish a run of outputs in memory (a row of a direct convolution or of a
   short GEMM, just written and still in L1); nothing to do without an activation. */
#define AIDGE_ACTIVATE_RUN(f) for (int64_t i = 0; i < n; i++) { y[i] = f(y[i], p0, p1); }
static inline void aidge_activate_f32(int act, float p0, float p1, float* y, int64_t n)
{
    if (act != AIDGE_ACT_NONE) {
        AIDGE_FOR_ACTIVATION(act, AIDGE_ACTIVATE_RUN)
    }
}
#undef AIDGE_ACTIVATE_RUN
