/* An integer power by squaring in uint64, wrapping on overflow (as numpy does): Pow of integers with a non-negative
   exponent. Signed bases pass through their two's-complement bits, so the low bits of the product are exact. */
static inline uint64_t aidge_ipow(uint64_t base, uint64_t exponent)
{
    uint64_t result = 1;
    while (exponent != 0) {
        if (exponent & 1u) {
            result *= base;
        }
        base *= base;
        exponent >>= 1;
    }
    return result;
}
