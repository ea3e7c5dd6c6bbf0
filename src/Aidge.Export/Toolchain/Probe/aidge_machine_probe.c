/* The machine probe's measurements. The driver (MachineProbe.cs) pastes the exporter's own runtime helpers above this
   file (AIDGE_FAST, the GEMM micro-kernel, the blocked GEMM, pooling) and compiles it with the flags of a generated
   library, so each figure is what generated code reaches on this machine with this compiler.

   The cost model predicts what the generated code does when it has its cores to itself: the hardware, not the
   moment's load. On a shared machine the speed of a core changes from one fraction of a second to the next and,
   with the host's other guests, for minutes at a time: the median of the same kernel moved by 1.5 to 2 times
   between probes minutes apart on a shared cloud machine, its best trial by a few percent. So each figure is a
   kernel's best trial, and the median of its trials is printed beside it ("<name>_median") to show what the load
   costs. The trials are taken in rounds, one trial of every kernel per round, with a pause between rounds, so that
   every kernel meets the same mix of the machine's states, and each gets the chance of a quiet moment. Within a
   round a kernel runs once untimed before its timed calls, as the build times a library after warm-up runs
   (weights and code in the cache).
   Output: one "name value" line per figure, in SI units (FLOP/s, op/s, bytes/s, seconds). */

#define AIDGE_PROBE_CHAINS 96
#define AIDGE_PROBE_ROUNDS 31
#define AIDGE_PROBE_FEWEST_ROUNDS 11
#define AIDGE_PROBE_BUDGET 10.0
#define AIDGE_PROBE_PAUSE_MS 30

#if defined(_WIN32)
#include <windows.h>
static void aidge_probe_pause(void) { Sleep(AIDGE_PROBE_PAUSE_MS); }
#else
#include <time.h>
static void aidge_probe_pause(void)
{
    const struct timespec pause = { 0, AIDGE_PROBE_PAUSE_MS * 1000000L };
    nanosleep(&pause, NULL);
}
#endif

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

enum { AidgeFmaIterations = 20000 };

/* The FMA loop on one thread. */
static void aidge_probe_peak(void)
{
    aidge_probe_sink += aidge_probe_fma(AidgeFmaIterations, 0.999f, 0.001f);
}

/* The elementwise kernels' shape: one pass over the elements, as the Relu emitter writes it. */
static void aidge_probe_relu(const float* in, float* out, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = (float)(x > 0 ? x : 0);
    }
}

/* Copies `bytes` from source to target on `threads` threads (each copies its share). */
static void aidge_probe_copy(char* target, const char* source, int64_t bytes, int threads)
{
    #pragma omp parallel num_threads(threads)
    {
        const int64_t share = bytes / threads;
        const int64_t begin = share * omp_get_thread_num();
        memcpy(target + begin, source + begin, (size_t)share);
    }
}

/* The kernels timed in rounds. */
enum {
    AidgePeakCore, AidgeConv0, AidgeConv1, AidgeConv2, AidgeConvAll, AidgeGemv, AidgePool, AidgeRelu, AidgeCall,
    AidgeFork, AidgeCacheCopy, AidgeTasks
};

enum { ConvSide = 16, GemvN = 64, GemvK = 512, Planes = 32, PoolSide = 16, ForkRegions = 5 };

/* Calls of a convolution in one trial, back to back: the build times the library in that steady state (runs one after
   another). On a shared cloud machine the 64-channel convolution's best trial was 420-470 us at 4 calls a trial and
   350-440 us at 16, the first calls after the round's other kernels paying for caches and predictors they left cold. */
enum { SteadyCalls = 16 };

/* Every buffer the kernels work on, allocated once. */
typedef struct {
    int threads;
    int64_t conv_shapes[3][2]; /* (input channels, output channels) of the three convolutions */
    float* conv_x[3];
    float* conv_w[3];
    float* conv_y[3];
    float* conv_bias[3];
    int64_t all_side;  /* the map of the convolution on all threads (see main) */
    float* all_x;
    float* all_y;
    float* gemv_w;
    float gemv_x[GemvK];
    float gemv_y[GemvN];
    float* image;
    float* pooled;
    char* copy_source;
    char* copy_target;
    int64_t resident;
} aidge_probe_state;

/* One call of task `task` (the unit its time is divided by). */
static void aidge_probe_call(aidge_probe_state* s, int task)
{
    static const int64_t one[3] = { 1, 1, 1 }, kernel3[3] = { 1, 3, 3 }, pad1[3] = { 0, 1, 1 };
    static const int64_t conv_size[3] = { 1, ConvSide, ConvSide };
    static const int64_t pool_in[3] = { 1, PoolSide, PoolSide }, pool_out[3] = { 1, PoolSide / 2, PoolSide / 2 };
    static const int64_t window[3] = { 1, 2, 2 }, zero[3] = { 0, 0, 0 };
    switch (task) {
    case AidgePeakCore: aidge_probe_peak(); break;
    case AidgeConv0: case AidgeConv1: case AidgeConv2: {
        const int c = task - AidgeConv0;
        aidge_conv_gemm_f32(1, s->conv_x[c], s->conv_w[c], s->conv_bias[c], s->conv_y[c], 1, s->conv_shapes[c][0], s->conv_shapes[c][1], 1,
                            conv_size, conv_size, kernel3, one, one, pad1, AIDGE_ACT_NONE, 0.0f, 0.0f);
        break;
    }
    /* The first convolution's channels on every thread, over a map of all_side: the speed-up the generated code
       gets from the cores (below their count where two threads share a core's FMA units, or where the memory
       system is the limit). */
    case AidgeConvAll: {
        const int64_t all_size[3] = { 1, s->all_side, s->all_side };
        aidge_conv_gemm_f32(s->threads, s->all_x, s->conv_w[0], s->conv_bias[0], s->all_y, 1, s->conv_shapes[0][0], s->conv_shapes[0][1], 1,
                            all_size, all_size, kernel3, one, one, pad1, AIDGE_ACT_NONE, 0.0f, 0.0f);
        break;
    }
    case AidgeGemv:
        aidge_gemm_f32(1, 1, GemvN, GemvK, s->gemv_x, GemvK, 1, s->gemv_w, 1, GemvK, s->gemv_y, 1.0f, 0, AIDGE_ACT_NONE, 0.0f, 0.0f);
        break;
    case AidgePool:
        aidge_pool_f32(1, s->image, s->pooled, Planes, pool_in, pool_out, window, window, one, zero, zero, 0, 0, 2.0);
        break;
    case AidgeRelu: aidge_probe_relu(s->image, s->pooled, Planes * PoolSide * PoolSide / 4); break;
    /* One kernel call on one element: what every node pays besides its work (the kernels' OpenMP regions go
       through the runtime even when their if clause keeps them on one thread). */
    case AidgeCall: aidge_pool_f32(1, s->image, s->pooled, 1, pool_in, one, one, window, one, zero, zero, 0, 0, 2.0); break;
    /* A team fork and join, as a node that runs on every thread pays it (the runtime keeps its workers between
       regions, as between the nodes of a run). */
    case AidgeFork:
        #pragma omp parallel num_threads(s->threads)
        {
            #pragma omp atomic
            aidge_probe_sink += 1.0f;
        }
        break;
    case AidgeCacheCopy: aidge_probe_copy(s->copy_target, s->copy_source, s->resident, 1); break;
    default: break;
    }
}

static int aidge_probe_compare(const void* a, const void* b)
{
    const double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

/* Seconds per call of every task: median and best over the rounds. */
typedef struct {
    double median[AidgeTasks];
    double best[AidgeTasks];
} aidge_probe_times;

/* Returns the rounds done: all of them, or fewer (at least AIDGE_PROBE_FEWEST_ROUNDS) when they have taken
   AIDGE_PROBE_BUDGET seconds: on an overloaded machine a team of threads waits milliseconds for its cores, and the
   probe must still end well within the driver's time limit. */
static int aidge_probe_rounds(aidge_probe_state* s, const int* repeats, aidge_probe_times* times, double* spread)
{
    static double trials[AidgeTasks][AIDGE_PROBE_ROUNDS];
    const double begin = aidge_probe_now();
    int rounds = 0;
    for (int round = 0; round < AIDGE_PROBE_ROUNDS; round++) {
        for (int task = 0; task < AidgeTasks; task++) {
            aidge_probe_call(s, task);
            const double start = aidge_probe_now();
            for (int r = 0; r < repeats[task]; r++) {
                aidge_probe_call(s, task);
            }
            trials[task][round] = (aidge_probe_now() - start) / repeats[task];
        }
        rounds = round + 1;
        if (rounds >= AIDGE_PROBE_FEWEST_ROUNDS && aidge_probe_now() - begin > AIDGE_PROBE_BUDGET) {
            break;
        }
        if (rounds < AIDGE_PROBE_ROUNDS) {
            aidge_probe_pause();
        }
    }
    *spread = aidge_probe_now() - begin;
    for (int task = 0; task < AidgeTasks; task++) {
        qsort(trials[task], (size_t)rounds, sizeof(double), aidge_probe_compare);
        times->median[task] = trials[task][rounds / 2];
        times->best[task] = trials[task][0];
    }
    return rounds;
}

/* "name value" and "name_median value": work per second (a rate) from the best trial and from the median. */
static void aidge_probe_rate(const char* name, double work, const aidge_probe_times* t, int task)
{
    printf("%s %.6e\n%s_median %.6e\n", name, work / t->best[task], name, work / t->median[task]);
}

/* The same for a duration: seconds per call. */
static void aidge_probe_seconds(const char* name, const aidge_probe_times* t, int task)
{
    printf("%s %.6e\n%s_median %.6e\n", name, t->best[task], name, t->median[task]);
}

static float* aidge_probe_floats(int64_t count, int pattern, float scale, float offset)
{
    float* values = malloc(sizeof(float) * (size_t)count);
    for (int64_t i = 0; values != NULL && i < count; i++) {
        values[i] = (float)(i % pattern) * scale + offset;
    }
    return values;
}

/* DRAM bandwidth (bytes per second, read + write) of copies far larger than the last-level cache: the median of a
   few trials on their own (a trial is tens of milliseconds, too long for the rounds). */
static double aidge_probe_dram(char* target, const char* source, int64_t bytes, int threads)
{
    enum { Trials = 5 };
    double seconds[Trials];
    for (int trial = 0; trial < Trials; trial++) {
        const double start = aidge_probe_now();
        aidge_probe_copy(target, source, bytes, threads);
        seconds[trial] = aidge_probe_now() - start;
    }
    qsort(seconds, Trials, sizeof(double), aidge_probe_compare);
    return 2.0 * (double)bytes / seconds[Trials / 2];
}

/* argv[1]: the last-level cache's size in bytes (the driver reads it from the OS), for the cache bandwidth. */
int main(int argc, char** argv)
{
    aidge_probe_state s;
    memset(&s, 0, sizeof s);
    s.threads = omp_get_max_threads();
    const int64_t cache = argc > 1 && atoll(argv[1]) > 0 ? atoll(argv[1]) : (int64_t)1 << 20;
    /* The convolution kernel (im2col panels into the GEMM micro-kernel), 3x3 over 16x16 (4 panels of 64 output
       positions), at three shapes: time = MACs * (per_mac + per_tile / k + per_packed / m) with k the reduction
       length and m the output channels. The per_tile part (the register tile's loads and stores) does not grow with
       k, the per_packed part (the im2col panel, built once and shared by the m channels) does not grow with m; three
       shapes give the three constants. */
    const int64_t shapes[3][2] = { { 64, 64 }, { 2, 64 }, { 64, 12 } };
    int repeats[AidgeTasks] = { 0 };
    repeats[AidgePeakCore] = 1;
    for (int c = 0; c < 3; c++) {
        const int64_t cin = shapes[c][0], cout = shapes[c][1];
        s.conv_shapes[c][0] = cin;
        s.conv_shapes[c][1] = cout;
        s.conv_x[c] = aidge_probe_floats(cin * ConvSide * ConvSide, 13, 0.05f, -0.3f);
        s.conv_w[c] = aidge_probe_floats(cout * cin * 9, 7, 0.02f, -0.06f);
        s.conv_y[c] = aidge_probe_floats(cout * ConvSide * ConvSide, 1, 0.0f, 0.0f);
        s.conv_bias[c] = aidge_probe_floats(cout, 1000, 0.01f, 0.0f);
        /* About 4 M multiply-adds a trial, at least SteadyCalls calls. */
        repeats[AidgeConv0 + c] = (int)(4000000 / (cout * cin * 9 * ConvSide * ConvSide)) + SteadyCalls;
    }
    /* A map with two blocks of 64 output positions per thread at least, as a large layer gives every thread: on a
       machine of many cores the 16x16 map alone would leave most of them splitting rows of one block. */
    s.all_side = ConvSide;
    while (s.all_side * s.all_side < 2 * 64 * (int64_t)s.threads) {
        s.all_side += 8;
    }
    s.all_x = aidge_probe_floats(shapes[0][0] * s.all_side * s.all_side, 13, 0.05f, -0.3f);
    s.all_y = aidge_probe_floats(shapes[0][1] * s.all_side * s.all_side, 1, 0.0f, 0.0f);
    repeats[AidgeConvAll] = SteadyCalls;
    /* A fully connected layer at batch 1 (the direct path of the GEMM: dot products over k), weights in L2. */
    s.gemv_w = aidge_probe_floats(GemvN * GemvK, 11, 0.01f, 0.0f);
    for (int i = 0; i < GemvK; i++) s.gemv_x[i] = (float)(i % 3) * 0.1f;
    repeats[AidgeGemv] = 20;
    /* 2x2 max pooling, stride 2, over 32 planes of 16x16 (the window kernels: pooling, and the like), and the
       elementwise shape over an L1-resident tensor of its output's size. */
    s.image = aidge_probe_floats(Planes * PoolSide * PoolSide, 101, 0.01f, -0.5f);
    s.pooled = aidge_probe_floats(Planes * PoolSide * PoolSide / 4, 1, 0.0f, 0.0f);
    repeats[AidgePool] = 10;
    repeats[AidgeRelu] = 20;
    repeats[AidgeCall] = 100;
    repeats[AidgeFork] = ForkRegions;
    /* Cache bandwidth: source and target together a quarter of the last-level cache, as the tensors a node passes
       to the next stay there when they fit. DRAM: copies far larger than the last-level cache. */
    const int64_t bytes = (int64_t)64 << 20;
    s.resident = cache / 8 > 4096 ? cache / 8 : 4096;
    s.copy_source = malloc((size_t)bytes);
    s.copy_target = malloc((size_t)bytes);
    repeats[AidgeCacheCopy] = 4;
    for (int c = 0; c < 3; c++) {
        if (s.conv_x[c] == NULL || s.conv_w[c] == NULL || s.conv_y[c] == NULL || s.conv_bias[c] == NULL) {
            return 1;
        }
    }
    if (s.all_x == NULL || s.all_y == NULL || s.gemv_w == NULL || s.image == NULL || s.pooled == NULL || s.copy_source == NULL || s.copy_target == NULL) {
        return 1;
    }
    memset(s.copy_source, 1, (size_t)bytes);
    memset(s.copy_target, 0, (size_t)bytes);

    aidge_probe_times t;
    double spread;
    const int rounds = aidge_probe_rounds(&s, repeats, &t, &spread);

    printf("threads %d\n", s.threads);
    printf("rounds %d\n", rounds);
    printf("spread_seconds %.6e\n", spread);
    const double fma_flops = 2.0 * AIDGE_PROBE_CHAINS * (double)AidgeFmaIterations;
    aidge_probe_rate("peak_flops_core", fma_flops, &t, AidgePeakCore);
    for (int c = 0; c < 3; c++) {
        char name[32];
        snprintf(name, sizeof name, "conv%d_seconds", c);
        aidge_probe_seconds(name, &t, AidgeConv0 + c);
        printf("conv%d_macs %.6e\n", c, (double)shapes[c][1] * shapes[c][0] * 9 * ConvSide * ConvSide);
        printf("conv%d_k %d\n", c, (int)(shapes[c][0] * 9));
        printf("conv%d_m %d\n", c, (int)shapes[c][1]);
    }
    aidge_probe_seconds("conv_all_seconds", &t, AidgeConvAll);
    printf("conv_all_macs %.6e\n", (double)shapes[0][1] * shapes[0][0] * 9 * s.all_side * s.all_side);
    aidge_probe_rate("gemv_flops", 2.0 * GemvN * GemvK, &t, AidgeGemv);
    aidge_probe_rate("window_ops", (double)Planes * PoolSide * PoolSide, &t, AidgePool);
    aidge_probe_rate("elementwise_ops", (double)Planes * PoolSide * PoolSide / 4, &t, AidgeRelu);
    aidge_probe_seconds("call_seconds", &t, AidgeCall);
    aidge_probe_seconds("fork_seconds", &t, AidgeFork);
    printf("bandwidth_core %.6e\n", aidge_probe_dram(s.copy_target, s.copy_source, bytes, 1));
    printf("bandwidth_all %.6e\n", aidge_probe_dram(s.copy_target, s.copy_source, bytes, s.threads));
    printf("cache_bytes %.6e\n", (double)cache);
    /* Read once and written once: the traffic a roofline counts. */
    aidge_probe_rate("bandwidth_cache", 2.0 * (double)s.resident, &t, AidgeCacheCopy);
    printf("checksum %g\n", (double)(aidge_probe_sink + s.gemv_y[0] + s.pooled[0] + s.conv_y[0][0] + s.copy_target[bytes - 1]));
    return 0;
}
