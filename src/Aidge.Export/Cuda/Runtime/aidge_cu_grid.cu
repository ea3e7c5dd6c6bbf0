/* The launch shape every elementwise and data-movement kernel of this file uses: blocks of AIDGE_CU_THREADS threads
   walking their items with a grid-stride loop, so any item count works with any grid. The grid is capped: past a few
   thousand blocks the GPU is full, and each thread simply takes more items. */
#define AIDGE_CU_THREADS 256
#define AIDGE_CU_MAX_BLOCKS 4096
/* The most dims an index space passed by value (broadcast, view, reduction geometry) has, after merging. */
#define AIDGE_CU_MAX_RANK 8

/* Items i = first, first + stride, ... below n for the calling thread. */
#define AIDGE_CU_FOR(i, n) for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < (long long)(n); i += (long long)gridDim.x * blockDim.x)

static unsigned int aidge_cu_grid(long long n)
{
    unsigned int blocks = aidge_cu_blocks(n, AIDGE_CU_THREADS);
    return blocks < AIDGE_CU_MAX_BLOCKS ? blocks : AIDGE_CU_MAX_BLOCKS;
}

/* Runs the statement(s) with Word the unsigned integer type of element_bytes bytes (1, 2, 4, else 8): kernels that
   only move elements are instantiated per size, not per type. */
#define AIDGE_CU_WITH_WORD(element_bytes, ...) \
    switch (element_bytes) \
    { \
    case 1: { typedef uint8_t Word; __VA_ARGS__; } break; \
    case 2: { typedef uint16_t Word; __VA_ARGS__; } break; \
    case 4: { typedef uint32_t Word; __VA_ARGS__; } break; \
    default: { typedef uint64_t Word; __VA_ARGS__; } break; \
    }
