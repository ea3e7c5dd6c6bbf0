/* aidge_cuda.h: the CUDA declarations generated .cu files use, owned by Aidge.Build and emitted beside them.
 * Three modes, one per way the same .cu is compiled:
 *   - nvcc (a machine with the CUDA toolkit): the real runtime, <cuda_runtime.h>.
 *   - clang's device-only compile with no CUDA installed (CI's PTX check: clang -x cuda --cuda-device-only -nocudainc
 *     -nocudalib): declarations of the few runtime functions, types and libdevice math the kernels and launchers use,
 *     as the CUDA headers would.
 *   - AIDGE_CUDA_EMULATE (g++ -x c++ -fopenmp, no GPU): the kernels run on the CPU, one block at a time, each block's
 *     threads as an OpenMP team, so the arithmetic the GPU would do can be checked against the simulator here.
 * Launchers start kernels with AIDGE_LAUNCH(kernel, grid, block, stream, args...) rather than <<<...>>>, so the launch
 * syntax lives in one place (and the emulation can replace it). */
#ifndef AIDGE_CUDA_H_INCLUDED
#define AIDGE_CUDA_H_INCLUDED

#include <stddef.h>
#include <stdint.h>

#if defined(AIDGE_CUDA_EMULATE)
/* Emulation on the CPU (g++ -x c++ -fopenmp -DAIDGE_CUDA_EMULATE). No GPU and no nvcc here, so the generated kernels
 * run as plain C++: a launch runs the grid's blocks one after another, and each block's threads as one OpenMP team of
 * exactly blockDim.x*y*z threads. Because only one block runs at a time, a function-static array is that block's
 * shared memory, and because every thread of the block is a real thread, __syncthreads() is a real barrier: a kernel
 * that forgets one races here as it would on the GPU. "Device" memory is host memory, so copies are memcpy. */
#include <math.h>
#include <omp.h>
#include <mutex>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Qualifiers: host and device code are the same C++ here. */
#define __global__
#define __device__
#define __host__
#define __constant__
#define __forceinline__ inline
#define __launch_bounds__(...)
/* One block at a time: a static in the kernel is shared by the block's threads and lives as long as the launch needs. */
#define __shared__ static

struct dim3
{
    unsigned int x, y, z;
    dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};
struct uint3
{
    unsigned int x, y, z;
};

/* Each OpenMP thread of the team is one CUDA thread: its coordinates are thread-local, set by the launcher. */
/* All four are plain uint3 (no constructor), so reading them needs no thread-local initialization check. */
static thread_local uint3 threadIdx;
static thread_local uint3 blockIdx;
static thread_local uint3 blockDim;
static thread_local uint3 gridDim;
enum { warpSize = 32 };

/* A barrier of the block's team. A function, not a bare pragma, so it is a statement wherever CUDA allows one; the
 * barrier is orphaned (outside the parallel construct's text), which OpenMP binds to the innermost team: the block. */
static inline void __syncthreads(void)
{
    _Pragma("omp barrier")
}

typedef struct CUstream_st* cudaStream_t;
typedef int cudaError_t;
/* The CUDA runtime's values for the errors the emulation can report. */
enum { cudaSuccess = 0, cudaErrorInvalidValue = 1, cudaErrorMemoryAllocation = 2, cudaErrorInvalidConfiguration = 9, cudaErrorLaunchFailure = 719 };
enum cudaMemcpyKind { cudaMemcpyHostToHost = 0, cudaMemcpyHostToDevice = 1, cudaMemcpyDeviceToHost = 2, cudaMemcpyDeviceToDevice = 3 };

/* The first error since the last cudaGetLastError, as the runtime keeps it (per translation unit here: each model's
 * .cu has its own copy of this header's statics, like its own context). */
static cudaError_t aidge_emu_last_error = cudaSuccess;

static inline cudaError_t aidge_emu_fail(cudaError_t error)
{
    if (aidge_emu_last_error == cudaSuccess)
    {
        aidge_emu_last_error = error;
    }
    return error;
}

static inline cudaError_t cudaMalloc(void** pointer, size_t bytes)
{
    /* 256-byte alignment, as cudaMalloc guarantees; aligned_alloc wants a multiple of the alignment. */
    size_t rounded = (bytes + 255) / 256 * 256;
    *pointer = aligned_alloc(256, rounded == 0 ? 256 : rounded);
    return *pointer == NULL ? aidge_emu_fail(cudaErrorMemoryAllocation) : cudaSuccess;
}
static inline cudaError_t cudaFree(void* pointer)
{
    free(pointer);
    return cudaSuccess;
}
static inline cudaError_t cudaMemcpy(void* dst, const void* src, size_t bytes, enum cudaMemcpyKind)
{
    memmove(dst, src, bytes);
    return cudaSuccess;
}
/* The stream is a dummy: work runs when it is enqueued, so every stream is always synchronized. */
static inline cudaError_t cudaMemcpyAsync(void* dst, const void* src, size_t bytes, enum cudaMemcpyKind kind, cudaStream_t)
{
    return cudaMemcpy(dst, src, bytes, kind);
}
static inline cudaError_t cudaMemset(void* pointer, int value, size_t bytes)
{
    memset(pointer, value, bytes);
    return cudaSuccess;
}
static inline cudaError_t cudaMemsetAsync(void* pointer, int value, size_t bytes, cudaStream_t)
{
    return cudaMemset(pointer, value, bytes);
}
static inline cudaError_t cudaStreamCreate(cudaStream_t* stream)
{
    /* Any non-null handle: code may test a stream against 0. */
    static char dummy;
    *stream = (cudaStream_t)(void*)&dummy;
    return cudaSuccess;
}
static inline cudaError_t cudaStreamDestroy(cudaStream_t) { return cudaSuccess; }
static inline cudaError_t cudaStreamSynchronize(cudaStream_t) { return aidge_emu_last_error; }
static inline cudaError_t cudaDeviceSynchronize(void) { return aidge_emu_last_error; }
static inline cudaError_t cudaPeekAtLastError(void) { return aidge_emu_last_error; }
static inline cudaError_t cudaGetLastError(void)
{
    cudaError_t error = aidge_emu_last_error;
    aidge_emu_last_error = cudaSuccess;
    return error;
}
static inline const char* cudaGetErrorString(cudaError_t error)
{
    switch (error)
    {
    case cudaSuccess: return "no error";
    case cudaErrorInvalidValue: return "invalid argument";
    case cudaErrorMemoryAllocation: return "out of memory";
    case cudaErrorInvalidConfiguration: return "invalid configuration argument (emulation: empty grid or block, or more than 1024 threads)";
    case cudaErrorLaunchFailure: return "unspecified launch failure (emulation: OpenMP gave the block fewer threads than blockDim)";
    default: return "unknown error";
    }
}

/* Atomics: the block's threads are real threads, so these must be atomic too (and blocks run one at a time). */
static inline float atomicAdd(float* address, float value)
{
    float old;
    _Pragma("omp atomic capture")
    { old = *address; *address += value; }
    return old;
}
static inline int atomicAdd(int* address, int value)
{
    int old;
    _Pragma("omp atomic capture")
    { old = *address; *address += value; }
    return old;
}

/* Launches of this translation unit (one model) run one at a time, even from several host threads (two contexts of
 * the model): a kernel's shared memory is a static, so two blocks of the same kernel must never run at once. */
static std::mutex aidge_emu_launch_lock;

/* Runs body() (the kernel call with its arguments) as every thread of every block of the grid. */
template <typename Body>
static void aidge_emu_launch(dim3 grid, dim3 block, const Body& body)
{
    std::lock_guard<std::mutex> one_launch_at_a_time(aidge_emu_launch_lock);
    unsigned long long threads = (unsigned long long)block.x * block.y * block.z;
    if (threads == 0 || threads > 1024 || (unsigned long long)grid.x * grid.y * grid.z == 0)
    {
        aidge_emu_fail(cudaErrorInvalidConfiguration);
        return;
    }
    /* A block needs all its threads at once (barriers wait for every one of them): OpenMP must not give fewer. */
    omp_set_dynamic(0);
    for (unsigned int bz = 0; bz < grid.z; bz++)
    {
        for (unsigned int by = 0; by < grid.y; by++)
        {
            for (unsigned int bx = 0; bx < grid.x; bx++)
            {
                int short_team = 0;
#pragma omp parallel num_threads((int)threads) reduction(| : short_team)
                {
                    /* Fewer threads (nested parallelism, OMP_THREAD_LIMIT) would compute a wrong answer quietly. */
                    if ((unsigned long long)omp_get_num_threads() != threads)
                    {
                        short_team = 1;
                    }
                    else
                    {
                        unsigned int t = (unsigned int)omp_get_thread_num();
                        threadIdx = uint3{t % block.x, t / block.x % block.y, t / (block.x * block.y)};
                        blockIdx = uint3{bx, by, bz};
                        blockDim = uint3{block.x, block.y, block.z};
                        gridDim = uint3{grid.x, grid.y, grid.z};
                        body();
                    }
                }
                if (short_team)
                {
                    fprintf(stderr, "aidge_cuda.h (emulation): OpenMP gave a block fewer than the %llu threads it needs; the launch did not run.\n", threads);
                    aidge_emu_fail(cudaErrorLaunchFailure);
                    return;
                }
            }
        }
    }
}

/* The arguments are evaluated by each thread, as the kernel's parameters (the launchers pass plain values). */
#define AIDGE_LAUNCH(kernel, grid, block, stream, ...) \
    do \
    { \
        (void)(stream); \
        aidge_emu_launch((grid), (block), [&]() { kernel(__VA_ARGS__); }); \
    } while (0)
#elif defined(__NVCC__) || (defined(__CUDA__) && !defined(AIDGE_CUDA_NO_RUNTIME_HEADERS) && __has_include(<cuda_runtime.h>))
#include <cuda_runtime.h>
#else
/* clang's device-only compile with -nocudainc: only the builtin variables (threadIdx, blockIdx, blockDim, gridDim) ship with the compiler. */
#include <__clang_cuda_builtin_vars.h>
#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __host__ __attribute__((host))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __forceinline__ __inline__ __attribute__((always_inline))

struct dim3
{
    unsigned int x, y, z;
    __host__ __device__ dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};

typedef struct CUstream_st* cudaStream_t;
typedef int cudaError_t;
enum { cudaSuccess = 0 };
enum cudaMemcpyKind { cudaMemcpyHostToHost = 0, cudaMemcpyHostToDevice = 1, cudaMemcpyDeviceToHost = 2, cudaMemcpyDeviceToDevice = 3 };

extern "C" {
/* Without a CUDA install clang lowers <<<...>>> to this older entry point. */
cudaError_t cudaConfigureCall(dim3 grid, dim3 block, size_t shared = 0, cudaStream_t stream = 0);
cudaError_t cudaMalloc(void** pointer, size_t bytes);
cudaError_t cudaFree(void* pointer);
cudaError_t cudaMemcpy(void* dst, const void* src, size_t bytes, enum cudaMemcpyKind kind);
cudaError_t cudaMemcpyAsync(void* dst, const void* src, size_t bytes, enum cudaMemcpyKind kind, cudaStream_t stream);
cudaError_t cudaMemsetAsync(void* pointer, int value, size_t bytes, cudaStream_t stream);
cudaError_t cudaStreamCreate(cudaStream_t* stream);
cudaError_t cudaStreamDestroy(cudaStream_t stream);
cudaError_t cudaStreamSynchronize(cudaStream_t stream);
cudaError_t cudaGetLastError(void);
cudaError_t cudaPeekAtLastError(void);
const char* cudaGetErrorString(cudaError_t error);

/* libdevice (left as .extern declarations in the PTX; nvcc links libdevice itself). */
__device__ float __nv_expf(float);
__device__ float __nv_logf(float);
__device__ float __nv_sqrtf(float);
__device__ float __nv_tanhf(float);
__device__ float __nv_erff(float);
__device__ float __nv_powf(float, float);
__device__ float __nv_fabsf(float);
__device__ float __nv_floorf(float);
__device__ float __nv_ceilf(float);
__device__ float __nv_fmaxf(float, float);
__device__ float __nv_fminf(float, float);
__device__ float __nv_fmaf(float, float, float);
__device__ float __nv_rintf(float);
}

static __device__ __forceinline__ float expf(float x) { return __nv_expf(x); }
static __device__ __forceinline__ float logf(float x) { return __nv_logf(x); }
static __device__ __forceinline__ float sqrtf(float x) { return __nv_sqrtf(x); }
static __device__ __forceinline__ float tanhf(float x) { return __nv_tanhf(x); }
static __device__ __forceinline__ float erff(float x) { return __nv_erff(x); }
static __device__ __forceinline__ float powf(float x, float y) { return __nv_powf(x, y); }
static __device__ __forceinline__ float fabsf(float x) { return __nv_fabsf(x); }
static __device__ __forceinline__ float floorf(float x) { return __nv_floorf(x); }
static __device__ __forceinline__ float ceilf(float x) { return __nv_ceilf(x); }
static __device__ __forceinline__ float fmaxf(float x, float y) { return __nv_fmaxf(x, y); }
static __device__ __forceinline__ float fminf(float x, float y) { return __nv_fminf(x, y); }
static __device__ __forceinline__ float fmaf(float x, float y, float z) { return __nv_fmaf(x, y, z); }
static __device__ __forceinline__ float rintf(float x) { return __nv_rintf(x); }

/* The rest of the C99 math the shared elementwise tables (Kernels/Elementwise) write: the float functions not declared
   above, and the double overloads (double tensors, and expressions such as Gelu's computed in double). */
#define AIDGE_CU_MATH_DOUBLE1(name) \
    extern "C" __device__ double __nv_##name(double); \
    static __device__ __forceinline__ double name(double x) { return __nv_##name(x); }
#define AIDGE_CU_MATH_DOUBLE2(name) \
    extern "C" __device__ double __nv_##name(double, double); \
    static __device__ __forceinline__ double name(double x, double y) { return __nv_##name(x, y); }
#define AIDGE_CU_MATH1(name) \
    extern "C" __device__ float __nv_##name##f(float); \
    static __device__ __forceinline__ float name##f(float x) { return __nv_##name##f(x); } \
    AIDGE_CU_MATH_DOUBLE1(name)
AIDGE_CU_MATH_DOUBLE1(exp)
AIDGE_CU_MATH_DOUBLE1(log)
AIDGE_CU_MATH_DOUBLE1(sqrt)
AIDGE_CU_MATH_DOUBLE1(tanh)
AIDGE_CU_MATH_DOUBLE1(erf)
AIDGE_CU_MATH_DOUBLE1(fabs)
AIDGE_CU_MATH_DOUBLE1(floor)
AIDGE_CU_MATH_DOUBLE1(ceil)
AIDGE_CU_MATH_DOUBLE1(rint)
AIDGE_CU_MATH_DOUBLE2(pow)
AIDGE_CU_MATH_DOUBLE2(fmax)
AIDGE_CU_MATH_DOUBLE2(fmin)
AIDGE_CU_MATH1(log1p)
AIDGE_CU_MATH1(sin)
AIDGE_CU_MATH1(cos)
AIDGE_CU_MATH1(tan)
AIDGE_CU_MATH1(asin)
AIDGE_CU_MATH1(acos)
AIDGE_CU_MATH1(atan)
AIDGE_CU_MATH1(sinh)
AIDGE_CU_MATH1(cosh)
AIDGE_CU_MATH1(asinh)
AIDGE_CU_MATH1(acosh)
AIDGE_CU_MATH1(atanh)
AIDGE_CU_MATH1(nearbyint)
AIDGE_CU_MATH_DOUBLE2(fmod)
extern "C" __device__ float __nv_fmodf(float, float);
static __device__ __forceinline__ float fmodf(float x, float y) { return __nv_fmodf(x, y); }
static __device__ __forceinline__ bool isnan(float x) { return __builtin_isnan(x); }
static __device__ __forceinline__ bool isnan(double x) { return __builtin_isnan(x); }
static __device__ __forceinline__ bool isinf(float x) { return __builtin_isinf(x); }
static __device__ __forceinline__ bool isinf(double x) { return __builtin_isinf(x); }
#define NAN __builtin_nanf("")
#define INFINITY __builtin_inff()
/* Atomics, as clang's own CUDA wrapper header defines them over the NVVM builtins. */
static __device__ __forceinline__ float atomicAdd(float* address, float value) { return __nvvm_atom_add_gen_f(address, value); }
static __device__ __forceinline__ int atomicAdd(int* address, int value) { return __nvvm_atom_add_gen_i(address, value); }
#endif

#if !defined(AIDGE_CUDA_EMULATE)
#define AIDGE_LAUNCH(kernel, grid, block, stream, ...) kernel<<<(grid), (block), 0, (stream)>>>(__VA_ARGS__)
#endif

/* Blocks for n work items at the given block size, at least one. */
static inline unsigned int aidge_cu_blocks(long long n, unsigned int block)
{
    long long blocks = (n + block - 1) / block;
    return (unsigned int)(blocks < 1 ? 1 : blocks);
}

#endif
