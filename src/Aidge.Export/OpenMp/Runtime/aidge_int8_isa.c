/* The instruction set of the int8 kernels, chosen at run time: the library is built without -march=native, so that a
   copied library runs on any CPU of its architecture. On x86-64 with gcc 11 or later: AVX-512 VNNI (vpdpbusd on 16
   int32 lanes), else AVX-VNNI (the same on 8 lanes: client CPUs with VNNI but no AVX-512), else AVX2 (vpmaddwd on
   bytes widened to 16 bits, exact where vpmaddubsw would saturate its int16 sums), else portable C. Each level's
   kernels are compiled for their instructions with a target attribute and are only called once
   __builtin_cpu_supports (which also checks that the OS saves the registers) says the CPU has them. Other compilers
   and architectures get the portable C. A build may cap the level with -DAIDGE_INT8_ISA_MAX=N (0 = portable): the
   tests build every level they can run and check that each gives the same bytes. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#define AIDGE_INT8_X86 1
#include <immintrin.h>
#define AIDGE_INT8_AVX2 __attribute__((target("avx2"), optimize("O3")))
#define AIDGE_INT8_AVXVNNI __attribute__((target("avx2,avxvnni"), optimize("O3")))
#define AIDGE_INT8_AVX512VNNI __attribute__((target("avx512f,avx512bw,avx512vnni"), optimize("O3")))
/* The loops left to the compiler (direct convolution, dot products): an AVX2 clone beside the SSE2 one. */
#define AIDGE_INT8_LOOPS __attribute__((target_clones("avx2", "default"), optimize("O3")))
#else
#define AIDGE_INT8_X86 0
#if defined(__GNUC__) && !defined(__clang__)
#define AIDGE_INT8_LOOPS __attribute__((optimize("O3")))
#else
#define AIDGE_INT8_LOOPS
#endif
#endif
#define AIDGE_ISA_PORTABLE 0
#define AIDGE_ISA_AVX2 1
#define AIDGE_ISA_AVXVNNI 2
#define AIDGE_ISA_AVX512VNNI 3
#ifndef AIDGE_INT8_ISA_MAX
#define AIDGE_INT8_ISA_MAX AIDGE_ISA_AVX512VNNI
#endif
static int aidge_int8_isa(void)
{
    int isa = AIDGE_ISA_PORTABLE;
#if AIDGE_INT8_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw")) {
        isa = AIDGE_ISA_AVX512VNNI;
    } else if (__builtin_cpu_supports("avxvnni")) {
        isa = AIDGE_ISA_AVXVNNI;
    } else if (__builtin_cpu_supports("avx2")) {
        isa = AIDGE_ISA_AVX2;
    }
#endif
    return isa < AIDGE_INT8_ISA_MAX ? isa : AIDGE_INT8_ISA_MAX;
}
