/* Prints what aidge_hls_types.h's plain implementation computes, for HlsTypesTests to compare with FixedPointFormat
 * (the C# statement of the ap_fixed rules). Input on stdin: a count and that many doubles as 16 hex digits of their
 * bits, then a count and that many pairs of decimal 64-bit integers. Output: one line per check, "<tag> <numbers>". */
#include "aidge_hls_types.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

static double from_bits(unsigned long long bits)
{
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

static unsigned long long to_bits(double value)
{
    unsigned long long bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

/* The six comparisons as a bit mask, so an inconsistent operator shows. */
template <typename A, typename B>
static int compare_mask(const A& a, const B& b)
{
    return (a == b) | ((a != b) << 1) | ((a < b) << 2) | ((a <= b) << 3) | ((a > b) << 4) | ((a >= b) << 5);
}

template <typename F>
static void convert(const char* tag, double x)
{
    F f(x);
    std::printf("%s %lld\n", tag, static_cast<long long>(f.raw_bits()));
}

/* Sum, difference, product (full precision), the product back in the format, a += b, -a, comparison, the value as a
 * double, the result widths, and a sum and comparison with a fixed<8, 3> (another fraction length). */
template <int W, int I>
static void arithmetic(const char* tag, double x, double y)
{
    aidge::fixed<W, I> a(x), b(y);
    auto sum = a + b;
    auto difference = a - b;
    auto product = a * b;
    auto negated = -a;
    aidge::fixed<W, I> back(product);
    aidge::fixed<W, I> accumulated(a);
    accumulated += b;
    aidge::fixed<8, 3> other(y);
    auto mixed = a + other;
    std::printf("%s %lld %lld %lld %lld %lld %lld %d %016llx %d %d %d %lld %d\n", tag, static_cast<long long>(sum.raw_bits()),
                static_cast<long long>(difference.raw_bits()), static_cast<long long>(product.raw_bits()),
                static_cast<long long>(back.raw_bits()), static_cast<long long>(accumulated.raw_bits()),
                static_cast<long long>(negated.raw_bits()), compare_mask(a, b), to_bits(a.to_double()),
                decltype(sum)::width, decltype(product)::width, decltype(product)::iwidth,
                static_cast<long long>(mixed.raw_bits()), compare_mask(a, other));
}

/* A product of two fixed<16,6> requantized into fixed<8,3> under one mode pair, and x converted directly under it. */
template <aidge::quant_mode Q, aidge::overflow_mode O>
static void modes(const char* tag, double x, double y)
{
    aidge::fixed<16, 6> a(x), b(y);
    aidge::fixed<8, 3, Q, O> product(a * b);
    aidge::fixed<8, 3, Q, O> direct(x);
    aidge::fixed<12, 9, Q, O> coarse(a);
    std::printf("%s %lld %lld %lld\n", tag, static_cast<long long>(product.raw_bits()),
                static_cast<long long>(direct.raw_bits()), static_cast<long long>(coarse.raw_bits()));
}

static void integers(long long n, long long m)
{
    aidge::integer<8> a(n), b(m);
    aidge::uinteger<7> u(n);
    aidge::uinteger<8> v(m);
    aidge::integer<32> c(n), d(m);
    aidge::integer<12> e(n);
    auto product = a * b;
    auto mixed = a + v;
    auto sum = c + d;
    auto difference = c - d;
    auto with_int = a * 1000;
    auto negated = -a;
    aidge::integer<32> accumulated(c);
    accumulated += product;
    std::printf("int %d %d %lld %lld %lld %lld %lld %d %d %lld %d %d %d %d %d %d\n", a.to_int(), u.to_int(), product.to_int64(),
                mixed.to_int64(), sum.to_int64(), difference.to_int64(), with_int.to_int64(), (e << 3).to_int(),
                (e >> 2).to_int(), negated.to_int64(), accumulated.to_int(), (a < b) + 2 * (a == b) + 4 * (c >= d),
                decltype(product)::width, decltype(mixed)::width, decltype(sum)::width, decltype(with_int)::width);
}

int main()
{
    int count = 0;
    if (std::scanf("%d", &count) != 1)
    {
        return 2;
    }
    std::vector<double> values(static_cast<std::size_t>(count));
    for (double& value : values)
    {
        unsigned long long bits = 0;
        if (std::scanf("%llx", &bits) != 1)
        {
            return 2;
        }
        value = from_bits(bits);
    }
    for (std::size_t i = 0; i < values.size(); i++)
    {
        double x = values[i];
        double y = values[(i + 1) % values.size()];
        convert<aidge::fixed<16, 6>>("c16_6", x);
        convert<aidge::fixed<8, 3>>("c8_3", x);
        convert<aidge::fixed<12, 0>>("c12_0", x);
        convert<aidge::fixed<10, 12>>("c10_12", x);
        convert<aidge::fixed<6, -2>>("c6_-2", x);
        convert<aidge::fixed<32, 16>>("c32_16", x);
        convert<aidge::fixed<48, 20>>("c48_20", x);
        convert<aidge::fixed<64, 32>>("c64_32", x);
        convert<aidge::fixed<2, 1>>("c2_1", x);
        arithmetic<16, 6>("a16_6", x, y);
        arithmetic<8, 3>("a8_3", x, y);
        arithmetic<12, 0>("a12_0", x, y);
        arithmetic<10, 12>("a10_12", x, y);
        arithmetic<6, -2>("a6_-2", x, y);
        arithmetic<24, 8>("a24_8", x, y);
        modes<aidge::TRN, aidge::SAT>("m_TRN_SAT", x, y);
        modes<aidge::TRN_ZERO, aidge::WRAP>("m_TRN_ZERO_WRAP", x, y);
        modes<aidge::RND, aidge::SAT>("m_RND_SAT", x, y);
        modes<aidge::RND_ZERO, aidge::SAT_ZERO>("m_RND_ZERO_SAT_ZERO", x, y);
        modes<aidge::RND_MIN_INF, aidge::SAT_SYM>("m_RND_MIN_INF_SAT_SYM", x, y);
        modes<aidge::RND_INF, aidge::WRAP>("m_RND_INF_WRAP", x, y);
        modes<aidge::RND_CONV, aidge::SAT>("m_RND_CONV_SAT", x, y);
    }
    int pairs = 0;
    if (std::scanf("%d", &pairs) != 1)
    {
        return 2;
    }
    for (int i = 0; i < pairs; i++)
    {
        long long n = 0, m = 0;
        if (std::scanf("%lld %lld", &n, &m) != 2)
        {
            return 2;
        }
        integers(n, m);
    }
    return 0;
}
