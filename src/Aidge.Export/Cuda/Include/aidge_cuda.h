/* aidge_cuda.h: the CUDA declarations generated .cu files use, owned by Aidge.Build and emitted beside them.
 * With nvcc it includes the CUDA runtime. With clang's device-only compile and no CUDA installed (CI's PTX check:
 * clang -x cuda --cuda-device-only -nocudainc -nocudalib), it declares the few runtime functions, types and libdevice
 * math the kernels and launchers use, as the CUDA headers would.
 * Launchers start kernels with AIDGE_LAUNCH(kernel, grid, block, stream, args...) rather than <<<...>>>, so the launch
 * syntax lives in one place. */
#ifndef AIDGE_CUDA_H_INCLUDED
#define AIDGE_CUDA_H_INCLUDED

#include <stddef.h>
#include <stdint.h>

#if defined(__NVCC__) || (defined(__CUDA__) && !defined(AIDGE_CUDA_NO_RUNTIME_HEADERS) && __has_include(<cuda_runtime.h>))
#include <cuda_runtime.h>
#else
/* clang -nocudainc: only the builtin variables (threadIdx, blockIdx, blockDim, gridDim) ship with the compiler. */
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
#endif

#define AIDGE_LAUNCH(kernel, grid, block, stream, ...) kernel<<<(grid), (block), 0, (stream)>>>(__VA_ARGS__)

/* Blocks for n work items at the given block size, at least one. */
static inline unsigned int aidge_cu_blocks(long long n, unsigned int block)
{
    long long blocks = (n + block - 1) / block;
    return (unsigned int)(blocks < 1 ? 1 : blocks);
}

#endif
