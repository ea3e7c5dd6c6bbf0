/* The machine probe's measurements. The driver (MachineProbe.cs) pastes the exporter's own runtime helpers above this
   file (AIDGE_FAST, the GEMM micro-kernel, the blocked GEMM, pooling) and compiles it with the flags of a generated
   library, so each figure is what generated code reaches on this machine with this compiler. Every measurement is
   the best of many short trials: on a shared machine a short trial has a fair chance of running on an idle core,
   and the best is what the hardware can do, which is what a cost model needs (load is not a property of the CPU).
   Output: one "name value" line per figure, in SI units (FLOP/s, op/s, bytes/s, seconds). */

#define AIDGE_PROBE_CHAINS 96
#define AIDGE_PROBE_TRIALS 15

static volatile float aidge_probe_sink;

static double aidge_probe_now(void) { return omp_get_wtime(); }

/* Independent multiply-add chains, enough to hide the FMA latency on every port (96 floats = 12 AVX registers). */
AIDGE_FAST
static float aidge_probe_fma(int64_t iterations, float scale, float offset)
{
    float acc[AIDGE_PROBE_CHAINS];
    for (int j = 0; j < AIDGE_PROBE_CHAINS; j++) {
        acc[j] = (float)j * 1e-3f;
    }
    for (int64_t i = 0; i < iterations; i++) {
        #pragma omp simd
        for (int j = 0; j < AIDGE_PROBE_CHAINS; j++) {
            acc[j] = acc[j] * scale + offset;
        }
    }
    float sum = 0.0f;
    for (int j = 0; j < AIDGE_PROBE_CHAINS; j++) {
        sum += acc[j];
    }
    return sum;
}

/* FLOP/s of the FMA loop on `threads` threads at once (all threads' work over the wall time of the slowest). */
static double aidge_probe_peak(int threads)
{
    const int64_t iterations = 20000;
    double best = 1e30;
    /* More trials on several threads: all of them must be on a core at once, rarer on a busy machine. */
    for (int trial = 0; trial < (threads > 1 ? 4 : 1) * AIDGE_PROBE_TRIALS; trial++) {
        const double start = aidge_probe_now();
        #pragma omp parallel num_threads(threads)
        {
            const float s = aidge_probe_fma(iterations, 0.999f, 0.001f);
            #pragma omp critical
            aidge_probe_sink += s;
        }
        const double elapsed = aidge_probe_now() - start;
        best = elapsed < best ? elapsed : best;
    }
    return 2.0 * AIDGE_PROBE_CHAINS * (double)iterations * threads / best;
}

/* Seconds per call of the convolution kernel, one thread: 3x3, cin -> cout channels, 16x16, padding 1. */
static double aidge_probe_conv(int64_t cin, int64_t cout)
{
    enum { Side = 16 };
    float* x = malloc(sizeof(float) * cin * Side * Side);
    float* w = malloc(sizeof(float) * cout * cin * 9);
    float* y = malloc(sizeof(float) * cout * Side * Side);
    float* bias = malloc(sizeof(float) * cout);
    for (int64_t i = 0; i < cin * Side * Side; i++) x[i] = (float)(i % 13) * 0.05f - 0.3f;
    for (int64_t i = 0; i < cout * cin * 9; i++) w[i] = (float)(i % 7) * 0.02f - 0.06f;
    for (int i = 0; i < cout; i++) bias[i] = 0.01f * (float)i;
    const int64_t size[3] = { 1, Side, Side }, kernel[3] = { 1, 3, 3 }, one[3] = { 1, 1, 1 }, pad[3] = { 0, 1, 1 };
    const int repeats = (int)(4000000 / (cout * cin * 9 * Side * Side)) + 1;
    double best = 1e30;
    for (int trial = 0; trial < AIDGE_PROBE_TRIALS; trial++) {
        const double start = aidge_probe_now();
        for (int r = 0; r < repeats; r++) {
            aidge_conv_gemm_f32(1, x, w, bias, y, 1, cin, cout, 1, size, size, kernel, one, one, pad, AIDGE_ACT_NONE, 0.0f, 0.0f);
        }
        const double elapsed = aidge_probe_now() - start;
        best = elapsed < best ? elapsed : best;
    }
    aidge_probe_sink += y[cout * Side * Side - 1];
    free(x); free(w); free(y); free(bias);
    return best / repeats;
}

/* Seconds of one call of `kernel` on the probe's buffers, best of the trials. */
#define AIDGE_PROBE_TIME(result, repeats, call) do { \
    double best_ = 1e30; \
    for (int trial_ = 0; trial_ < AIDGE_PROBE_TRIALS; trial_++) { \
        const double start_ = aidge_probe_now(); \
        for (int r_ = 0; r_ < (repeats); r_++) { call; } \
        const double elapsed_ = aidge_probe_now() - start_; \
        best_ = elapsed_ < best_ ? elapsed_ : best_; \
    } \
    (result) = best_ / (repeats); \
} while (0)

/* Seconds of one fork and join of a team of `threads` (the OpenMP runtime keeps its workers between regions). */
static double aidge_probe_fork(int threads)
{
    enum { Regions = 20 };
    double best = 1e30;
    for (int trial = 0; trial < AIDGE_PROBE_TRIALS; trial++) {
        const double start = aidge_probe_now();
        for (int r = 0; r < Regions; r++) {
            #pragma omp parallel num_threads(threads)
            {
                #pragma omp atomic
                aidge_probe_sink += 1.0f;
            }
        }
        const double elapsed = aidge_probe_now() - start;
        best = elapsed < best ? elapsed : best;
    }
    return best / Regions;
}

/* The elementwise kernels' shape: one pass over the elements, as the Relu emitter writes it. */
static void aidge_probe_relu(const float* in, float* out, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = (float)(x > 0 ? x : 0);
    }
}

/* Bytes per second of copying `bytes` from source to target on `threads` threads (each copies its share). */
static double aidge_probe_copy(char* target, const char* source, int64_t bytes, int threads, int trials)
{
    double best = 1e30;
    for (int trial = 0; trial < trials; trial++) {
        const double start = aidge_probe_now();
        #pragma omp parallel num_threads(threads)
        {
            const int64_t share = bytes / threads;
            const int64_t begin = share * omp_get_thread_num();
            memcpy(target + begin, source + begin, (size_t)share);
        }
        const double elapsed = aidge_probe_now() - start;
        best = elapsed < best ? elapsed : best;
    }
    /* Read once and written once: the traffic a roofline counts. */
    return 2.0 * (double)bytes / best;
}

/* argv[1]: the last-level cache's size in bytes (the driver reads it from the OS), for the cache bandwidth. */
int main(int argc, char** argv)
{
    const int threads = omp_get_max_threads();
    const int64_t cache = argc > 1 && atoll(argv[1]) > 0 ? atoll(argv[1]) : (int64_t)1 << 20;
    printf("threads %d\n", threads);
    printf("peak_flops_core %.6e\n", aidge_probe_peak(1));
    printf("peak_flops_all %.6e\n", aidge_probe_peak(threads));

    /* The convolution kernel (im2col panels into the GEMM micro-kernel), 3x3 over 16x16 (4 panels of 64 output positions), at three shapes: time =
       MACs * (per_mac + per_tile / k + per_packed / m) with k the reduction length and m the output channels. The
       per_tile part (the register tile's loads and stores) does not grow with k, the per_packed part (the im2col
       panel, built once and shared by the m channels) does not grow with m; three shapes give the three constants. */
    const int64_t shapes[3][2] = { { 64, 64 }, { 2, 64 }, { 64, 12 } };
    for (int s = 0; s < 3; s++) {
        const int64_t cin = shapes[s][0], cout = shapes[s][1];
        printf("conv%d_seconds %.6e\n", s, aidge_probe_conv(cin, cout));
        printf("conv%d_macs %.6e\n", s, (double)cout * cin * 9 * 16 * 16);
        printf("conv%d_k %d\n", s, (int)(cin * 9));
        printf("conv%d_m %d\n", s, (int)cout);
    }

    /* A fully connected layer at batch 1 (the direct path of the GEMM: dot products over k), weights in L2. */
    enum { GemvN = 64, GemvK = 512 };
    float* weights = malloc(sizeof(float) * GemvN * GemvK);
    float x[GemvK];
    float y[GemvN];
    for (int i = 0; i < GemvN * GemvK; i++) weights[i] = (float)(i % 11) * 0.01f;
    for (int i = 0; i < GemvK; i++) x[i] = (float)(i % 3) * 0.1f;
    double gemv;
    AIDGE_PROBE_TIME(gemv, 20, aidge_gemm_f32(1, 1, GemvN, GemvK, x, GemvK, 1, weights, 1, GemvK, y, 1.0f, 0, AIDGE_ACT_NONE, 0.0f, 0.0f));
    printf("gemv_flops %.6e\n", 2.0 * GemvN * GemvK / gemv);

    /* 2x2 max pooling, stride 2, over 32 planes of 16x16 (the window kernels: pooling, and the like). */
    enum { Planes = 32, Side = 16 };
    float* image = malloc(sizeof(float) * Planes * Side * Side);
    float* pooled = malloc(sizeof(float) * Planes * Side * Side / 4);
    for (int i = 0; i < Planes * Side * Side; i++) image[i] = (float)((i * 37) % 101) * 0.01f - 0.5f;
    const int64_t in[3] = { 1, Side, Side }, out[3] = { 1, Side / 2, Side / 2 }, kernel[3] = { 1, 2, 2 };
    const int64_t stride[3] = { 1, 2, 2 }, dilation[3] = { 1, 1, 1 }, zero[3] = { 0, 0, 0 };
    double pool;
    AIDGE_PROBE_TIME(pool, 10, aidge_pool_f32(1, image, pooled, Planes, in, out, kernel, stride, dilation, zero, zero, 0, 0, 2.0));
    printf("window_ops %.6e\n", (double)Planes * Side * Side / pool);

    /* The elementwise shape over an L1-resident tensor (window reads: one per element of the 2x2 windows). */
    const int64_t elements = Planes * Side * Side / 4;
    double relu, call;
    AIDGE_PROBE_TIME(relu, 20, aidge_probe_relu(image, pooled, elements));
    printf("elementwise_ops %.6e\n", (double)elements / relu);
    /* One kernel call on one element: what every node pays besides its work (the kernels' OpenMP regions go through
       the runtime even when their if clause keeps them on one thread). */
    AIDGE_PROBE_TIME(call, 1000, aidge_pool_f32(1, image, pooled, 1, in, (const int64_t[]){ 1, 1, 1 }, (const int64_t[]){ 1, 1, 1 }, stride, dilation, zero, zero, 0, 0, 2.0));
    printf("call_seconds %.6e\n", call);

    /* A team fork and join, as a node that runs on every thread pays it. */
    printf("fork_seconds %.6e\n", aidge_probe_fork(threads));

    /* DRAM bandwidth: copies far larger than the last-level cache. */
    const int64_t bytes = (int64_t)64 << 20;
    char* source = malloc((size_t)bytes);
    char* target = malloc((size_t)bytes);
    if (source == NULL || target == NULL) {
        return 1;
    }
    memset(source, 1, (size_t)bytes);
    memset(target, 0, (size_t)bytes);
    printf("bandwidth_core %.6e\n", aidge_probe_copy(target, source, bytes, 1, 5));
    printf("bandwidth_all %.6e\n", aidge_probe_copy(target, source, bytes, threads, 5));
    /* Cache bandwidth: source and target together a quarter of the last-level cache, as the tensors a node passes
       to the next stay there when they fit. */
    const int64_t resident = cache / 8 > 4096 ? cache / 8 : 4096;
    printf("cache_bytes %.6e\n", (double)cache);
    printf("bandwidth_cache %.6e\n", aidge_probe_copy(target, source, resident, 1, 4 * AIDGE_PROBE_TRIALS));
    printf("checksum %g\n", (double)(aidge_probe_sink + y[0] + pooled[0] + target[bytes - 1]));
    free(weights); free(image); free(pooled); free(source); free(target);
    return 0;
}
