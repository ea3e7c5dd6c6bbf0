/* AIDGE_FAST marks the innermost kernel functions (called per tile or per plane, never containing an OpenMP region,
   which gcc would outline out of the clone). The library is built without -march=native, so that a copied library
   runs on any CPU of its architecture. With gcc on x86-64 glibc each such function is cloned instead: an FMA/AVX2
   version picked at load time on CPUs that have it (ifunc), the portable SSE2 one elsewhere. Both are built at -O3
   whatever the library's level (-O2 neither unrolls a register tile nor vectorizes these loops fully) and contract
   a*b+c into one FMA where the CPU has it (-std=c99 turns contraction off). Other compilers get plain functions. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
#define AIDGE_FAST __attribute__((target_clones("fma", "default"), optimize("O3", "fp-contract=fast")))
#elif defined(__GNUC__) && !defined(__clang__)
#define AIDGE_FAST __attribute__((optimize("O3", "fp-contract=fast")))
#else
#define AIDGE_FAST
#endif
/* AIDGE_PACK marks the packing functions: -O3 too, but gcc must not turn their short copy loops into memcpy calls,
   which cost more than copying a row of a small feature map. */
#if defined(__GNUC__) && !defined(__clang__)
#define AIDGE_PACK __attribute__((optimize("O3", "no-tree-loop-distribute-patterns")))
#else
#define AIDGE_PACK
#endif
