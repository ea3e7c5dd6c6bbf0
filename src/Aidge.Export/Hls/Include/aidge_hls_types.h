/* aidge_hls_types.h: the arbitrary-precision types of generated HLS code, owned by Aidge.Build and emitted beside it.
 *
 *   aidge::fixed<W, I, Q, O>  signed fixed point: W bits in all, I of them integer bits (sign included), so a value
 *                             is raw * 2^-(W-I). Q is the quantization mode (default TRN: truncation toward minus
 *                             infinity), O the overflow mode (default WRAP: the bits above W are dropped).
 *   aidge::integer<W>         signed W-bit integer, wrapping.
 *   aidge::uinteger<W>        unsigned W-bit integer, wrapping.
 *   aidge::stream<T>          a FIFO between layers.
 *
 * With the Xilinx headers (Vitis HLS, and its csim), these are ap_fixed, ap_int, ap_uint and hls::stream, so the
 * synthesized design computes with the vendor's types. Without them (g++ building the C-simulation library that the
 * build verifies and the generated C# class runs), a plain C++ implementation follows the same rules:
 *   - arithmetic results are full precision, with the ap types' widths:
 *       fixed  a + b, a - b: I = max(I1, I2) + 1, F = max(F1, F2);  a * b: W = W1 + W2, I = I1 + I2;  -a: W + 1, I + 1
 *       integer a + b, a - b: max(W1, W2) + 1 (one more for an unsigned operand beside a signed one);  a * b: W1 + W2;
 *               a - b is signed;  a << n, a >> n keep the type (arithmetic shift for signed)
 *   - assigning to a narrower type (or converting a float or double) quantizes the fraction by Q and then handles the
 *     integer part by O; every mode computes from the exact value, never from a rounded intermediate;
 *   - to_double() is exact for W <= 53; to_float() rounds that to nearest-even once.
 * Values travel in 64-bit integers, so the plain implementation accepts widths up to 64 (signed) and 63 (unsigned),
 * results included; a wider result is a compile-time error rather than a silent difference from ap_fixed.
 * A NaN converts to 0 and an infinity overflows (0 under WRAP, the extreme under the saturating modes): ap_fixed
 * leaves both unspecified.
 * Generated code uses only what both implementations provide: the constructors, the operators above, comparisons,
 * to_float / to_double / to_int / to_int64, and stream's read / write / empty / full / size.
 * The header is C++14 (Vitis HLS's default language level) and C++17 clean. */
#ifndef AIDGE_HLS_TYPES_H_INCLUDED
#define AIDGE_HLS_TYPES_H_INCLUDED

/* Defining AIDGE_HLS_PLAIN_TYPES forces the plain implementation even beside the Xilinx headers (for comparing them). */
#if !defined(AIDGE_HLS_PLAIN_TYPES) && defined(__has_include)
#if __has_include(<ap_fixed.h>) && __has_include(<ap_int.h>) && __has_include(<hls_stream.h>)
#define AIDGE_HLS_VITIS_TYPES 1
#endif
#endif

#if defined(AIDGE_HLS_VITIS_TYPES)

#include <ap_fixed.h>
#include <ap_int.h>
#include <hls_stream.h>

namespace aidge
{
typedef ap_q_mode quant_mode;
typedef ap_o_mode overflow_mode;
constexpr ap_q_mode RND = AP_RND;
constexpr ap_q_mode RND_ZERO = AP_RND_ZERO;
constexpr ap_q_mode RND_MIN_INF = AP_RND_MIN_INF;
constexpr ap_q_mode RND_INF = AP_RND_INF;
constexpr ap_q_mode RND_CONV = AP_RND_CONV;
constexpr ap_q_mode TRN = AP_TRN;
constexpr ap_q_mode TRN_ZERO = AP_TRN_ZERO;
constexpr ap_o_mode SAT = AP_SAT;
constexpr ap_o_mode SAT_ZERO = AP_SAT_ZERO;
constexpr ap_o_mode SAT_SYM = AP_SAT_SYM;
constexpr ap_o_mode WRAP = AP_WRAP;

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP>
using fixed = ap_fixed<W, I, Q, O>;
template <int W>
using integer = ap_int<W>;
template <int W>
using uinteger = ap_uint<W>;
template <typename T>
using stream = hls::stream<T>;
} // namespace aidge

#else

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <type_traits>

namespace aidge
{
/* The ap_q_mode and ap_o_mode names without their AP_ prefix. */
enum quant_mode
{
    RND,         /* to nearest, ties toward plus infinity */
    RND_ZERO,    /* to nearest, ties toward zero */
    RND_MIN_INF, /* to nearest, ties toward minus infinity */
    RND_INF,     /* to nearest, ties away from zero */
    RND_CONV,    /* to nearest, ties to even */
    TRN,         /* toward minus infinity (floor) */
    TRN_ZERO     /* toward zero */
};

enum overflow_mode
{
    SAT,      /* to the largest or smallest value */
    SAT_ZERO, /* to zero */
    SAT_SYM,  /* to plus or minus the largest value */
    WRAP      /* keep the low W bits, two's complement */
};

namespace detail
{
constexpr int max_of(int a, int b) { return a > b ? a : b; }

/* An integer that may lie outside int64: its value when it fits (over == 0), its sign otherwise (over = -1 or +1),
 * and always its low 64 bits, which is all that wrapping needs. */
struct wide
{
    int64_t value;
    int over;
    uint64_t low;
};

/* The floor of value / 2^shift, and where the remainder lies against half a unit: what every rounding mode needs. */
struct split
{
    int64_t floor;
    int half;   /* sign of (remainder - 2^(shift-1)); -1 when nothing was shifted out */
    bool exact; /* the remainder is zero */
};

inline wide make_wide(int64_t v) { return wide{v, 0, static_cast<uint64_t>(v)}; }

/* Sign-extends the low w bits (1 <= w <= 64). */
inline int64_t wrap_signed(uint64_t bits, int w)
{
    if (w >= 64)
    {
        return static_cast<int64_t>(bits);
    }
    uint64_t mask = (uint64_t(1) << w) - 1;
    bits &= mask;
    if ((bits >> (w - 1)) & 1u)
    {
        bits |= ~mask;
    }
    return static_cast<int64_t>(bits);
}

/* The low w bits (1 <= w <= 63). */
inline int64_t wrap_unsigned(uint64_t bits, int w) { return static_cast<int64_t>(bits & ((uint64_t(1) << w) - 1)); }

/* value * 2^shift, shift >= 0, exactly (as a wide when it leaves int64). */
inline wide shift_left(int64_t value, int shift)
{
    if (value == 0 || shift == 0)
    {
        return make_wide(value);
    }
    int sign = value < 0 ? -1 : 1;
    if (shift >= 64)
    {
        return wide{0, sign, 0};
    }
    uint64_t low = static_cast<uint64_t>(value) << shift;
    /* It fits when value lies within [INT64_MIN >> shift, INT64_MAX >> shift]. */
    if (value > (INT64_MAX >> shift) || value < (INT64_MIN >> shift))
    {
        return wide{0, sign, low};
    }
    return wide{static_cast<int64_t>(low), 0, low};
}

/* value / 2^shift split into floor and remainder, shift >= 0. */
inline split shift_right(int64_t value, int shift)
{
    if (shift == 0)
    {
        return split{value, -1, true};
    }
    if (shift >= 64)
    {
        /* |value| < 2^63 <= 2^(shift-1): a non-negative value is below half a unit, a negative one above it. */
        return value >= 0 ? split{0, -1, value == 0} : split{-1, 1, false};
    }
    uint64_t mask = (uint64_t(1) << shift) - 1;
    uint64_t remainder = static_cast<uint64_t>(value) & mask;
    uint64_t half = uint64_t(1) << (shift - 1);
    int64_t floor = value >> shift; /* arithmetic: floor for negative values (two's complement, as every target is) */
    return split{floor, remainder < half ? -1 : (remainder == half ? 0 : 1), remainder == 0};
}

/* Whether the quantization mode moves the floor up by one unit. */
inline bool rounds_up(quant_mode q, const split& s)
{
    if (s.exact)
    {
        return false;
    }
    bool negative = s.floor < 0; /* floor(x) < 0 exactly when x < 0 */
    switch (q)
    {
    case TRN:
        return false;
    case TRN_ZERO:
        return negative;
    case RND:
        return s.half >= 0;
    case RND_ZERO:
        return s.half > 0 || (s.half == 0 && negative);
    case RND_MIN_INF:
        return s.half > 0;
    case RND_INF:
        return s.half > 0 || (s.half == 0 && !negative);
    case RND_CONV:
        return s.half > 0 || (s.half == 0 && (s.floor & 1) != 0);
    }
    return false;
}

inline wide quantize(quant_mode q, const split& s)
{
    if (!rounds_up(q, s))
    {
        return make_wide(s.floor);
    }
    uint64_t low = static_cast<uint64_t>(s.floor) + 1u;
    return s.floor == INT64_MAX ? wide{0, 1, low} : make_wide(s.floor + 1);
}

/* Fits an exact integer into w bits by the overflow mode (signed results). */
inline int64_t overflow_signed(overflow_mode o, const wide& v, int w)
{
    if (o == WRAP)
    {
        return wrap_signed(v.low, w);
    }
    int64_t largest = w >= 64 ? INT64_MAX : static_cast<int64_t>((uint64_t(1) << (w - 1)) - 1);
    int64_t smallest = -largest - 1;
    bool above = v.over > 0 || (v.over == 0 && v.value > largest);
    bool below = v.over < 0 || (v.over == 0 && v.value < smallest);
    if (!above && !below)
    {
        return v.value;
    }
    if (o == SAT_ZERO)
    {
        return 0;
    }
    if (above)
    {
        return largest;
    }
    return o == SAT_SYM ? -largest : smallest;
}

/* raw * 2^-from_fraction re-expressed with to_fraction fraction bits, quantized by q, fitted to w bits by o. */
inline int64_t rescale(int64_t raw, int from_fraction, int w, int to_fraction, quant_mode q, overflow_mode o)
{
    int shift = to_fraction - from_fraction;
    wide exact = shift >= 0 ? shift_left(raw, shift) : quantize(q, shift_right(raw, -shift));
    return overflow_signed(o, exact, w);
}

/* The exact value of a double (mantissa * 2^exponent, mantissa below 2^53) re-expressed with `fraction` bits. */
inline int64_t from_double(double d, int w, int fraction, quant_mode q, overflow_mode o)
{
    if (std::isnan(d))
    {
        return 0;
    }
    if (std::isinf(d))
    {
        return overflow_signed(o, wide{0, d < 0 ? -1 : 1, 0}, w);
    }
    int exponent = 0;
    double normalized = std::frexp(d, &exponent); /* d = normalized * 2^exponent, 0.5 <= |normalized| < 1 */
    int64_t mantissa = static_cast<int64_t>(std::ldexp(normalized, 53));
    return rescale(mantissa, 53 - exponent, w, fraction, q, o);
}

/* The sign of x * 2^shift - y, shift >= 0, without forming x * 2^shift. */
inline int compare_scaled(int64_t x, int shift, int64_t y)
{
    split s = shift_right(y, shift); /* y = floor * 2^shift + remainder */
    if (x != s.floor)
    {
        return x > s.floor ? 1 : -1;
    }
    return s.exact ? 0 : -1;
}

/* The sign of a * 2^-fa - b * 2^-fb. */
inline int compare_fixed(int64_t a, int fa, int64_t b, int fb)
{
    if (fa == fb)
    {
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    return fa < fb ? compare_scaled(a, fb - fa, b) : -compare_scaled(b, fa - fb, a);
}

struct raw_tag
{
};
} // namespace detail

/* A W-bit integer, signed when S; aidge::integer and aidge::uinteger name the two kinds. */
template <int W, bool S>
class int_base
{
    static_assert(W >= 1 && W <= (S ? 64 : 63), "aidge::integer: the plain implementation holds up to 64 signed or 63 unsigned bits");

public:
    static constexpr int width = W;
    static constexpr bool is_signed = S;

    int_base() : value_(0) {}
    template <typename T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0>
    int_base(T v) : value_(fit(static_cast<uint64_t>(static_cast<int64_t>(v))))
    {
    }
    template <int W2, bool S2>
    int_base(const int_base<W2, S2>& other) : value_(fit(static_cast<uint64_t>(other.to_int64())))
    {
    }

    int to_int() const { return static_cast<int>(value_); }
    unsigned to_uint() const { return static_cast<unsigned>(value_); }
    long long to_int64() const { return value_; }

    /* Shifted as unsigned bits: a negative value shifts left without the undefined behaviour of C's signed shift. */
    int_base operator<<(int n) const { return int_base(static_cast<uint64_t>(value_) << n); }
    int_base operator>>(int n) const { return int_base(value_ >> n); }

    template <typename T>
    int_base& operator+=(const T& other)
    {
        return *this = int_base(*this + other);
    }
    template <typename T>
    int_base& operator-=(const T& other)
    {
        return *this = int_base(*this - other);
    }
    template <typename T>
    int_base& operator*=(const T& other)
    {
        return *this = int_base(*this * other);
    }
    int_base& operator<<=(int n) { return *this = *this << n; }
    int_base& operator>>=(int n) { return *this = *this >> n; }

private:
    static int64_t fit(uint64_t bits) { return S ? detail::wrap_signed(bits, W) : detail::wrap_unsigned(bits, W); }

    int64_t value_;
};

template <int W, int I, quant_mode Q = TRN, overflow_mode O = WRAP>
class fixed
{
    static_assert(W >= 1 && W <= 64, "aidge::fixed: the plain implementation holds 1 to 64 bits");

public:
    static constexpr int width = W;
    static constexpr int iwidth = I;
    static constexpr int fwidth = W - I;

    fixed() : raw_(0) {}
    fixed(double d) : raw_(detail::from_double(d, W, W - I, Q, O)) {}
    fixed(float f) : raw_(detail::from_double(static_cast<double>(f), W, W - I, Q, O)) {}
    template <typename T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0>
    fixed(T v) : raw_(detail::rescale(static_cast<int64_t>(v), 0, W, W - I, Q, O))
    {
    }
    template <int W2, bool S2>
    fixed(const int_base<W2, S2>& v) : raw_(detail::rescale(v.to_int64(), 0, W, W - I, Q, O))
    {
    }

    template <int W2, int I2, quant_mode Q2, overflow_mode O2>
    fixed(const fixed<W2, I2, Q2, O2>& other) : raw_(detail::rescale(other.raw_bits(), W2 - I2, W, W - I, Q, O))
    {
    }

    fixed(detail::raw_tag, int64_t raw) : raw_(detail::wrap_signed(static_cast<uint64_t>(raw), W)) {}

    /* The stored integer: value = raw_bits() * 2^-(W-I). The plain implementation's own (tests and the layers' glue
     * that both implementations compile do not use it). */
    int64_t raw_bits() const { return raw_; }

    double to_double() const { return std::ldexp(static_cast<double>(raw_), I - W); }
    float to_float() const { return static_cast<float>(to_double()); }

    template <typename T>
    fixed& operator+=(const T& other)
    {
        return *this = fixed(*this + other);
    }
    template <typename T>
    fixed& operator-=(const T& other)
    {
        return *this = fixed(*this - other);
    }
    template <typename T>
    fixed& operator*=(const T& other)
    {
        return *this = fixed(*this * other);
    }

private:
    int64_t raw_;
};

template <int W1, int I1, quant_mode Q1, overflow_mode O1, int W2, int I2, quant_mode Q2, overflow_mode O2>
fixed<detail::max_of(I1, I2) + 1 + detail::max_of(W1 - I1, W2 - I2), detail::max_of(I1, I2) + 1>
operator+(const fixed<W1, I1, Q1, O1>& a, const fixed<W2, I2, Q2, O2>& b)
{
    /* Both operands aligned to the finer fraction fit the result's width, so the sum is exact. */
    const int fraction = detail::max_of(W1 - I1, W2 - I2);
    return {detail::raw_tag(), detail::shift_left(a.raw_bits(), fraction - (W1 - I1)).value
                                   + detail::shift_left(b.raw_bits(), fraction - (W2 - I2)).value};
}

template <int W1, int I1, quant_mode Q1, overflow_mode O1, int W2, int I2, quant_mode Q2, overflow_mode O2>
fixed<detail::max_of(I1, I2) + 1 + detail::max_of(W1 - I1, W2 - I2), detail::max_of(I1, I2) + 1>
operator-(const fixed<W1, I1, Q1, O1>& a, const fixed<W2, I2, Q2, O2>& b)
{
    const int fraction = detail::max_of(W1 - I1, W2 - I2);
    return {detail::raw_tag(), detail::shift_left(a.raw_bits(), fraction - (W1 - I1)).value
                                   - detail::shift_left(b.raw_bits(), fraction - (W2 - I2)).value};
}

template <int W1, int I1, quant_mode Q1, overflow_mode O1, int W2, int I2, quant_mode Q2, overflow_mode O2>
fixed<W1 + W2, I1 + I2> operator*(const fixed<W1, I1, Q1, O1>& a, const fixed<W2, I2, Q2, O2>& b)
{
    /* |a * b| <= 2^(W1-1) * 2^(W2-1) = 2^(W1+W2-2): exact in 64 bits when the result width is. */
    return {detail::raw_tag(), a.raw_bits() * b.raw_bits()};
}

template <int W, int I, quant_mode Q, overflow_mode O>
fixed<W + 1, I + 1> operator-(const fixed<W, I, Q, O>& a)
{
    return {detail::raw_tag(), -a.raw_bits()};
}

#define AIDGE_FIXED_COMPARE(op)                                                                                          \
    template <int W1, int I1, quant_mode Q1, overflow_mode O1, int W2, int I2, quant_mode Q2, overflow_mode O2>          \
    bool operator op(const fixed<W1, I1, Q1, O1>& a, const fixed<W2, I2, Q2, O2>& b)                                     \
    {                                                                                                                    \
        return detail::compare_fixed(a.raw_bits(), W1 - I1, b.raw_bits(), W2 - I2) op 0;                                 \
    }
AIDGE_FIXED_COMPARE(==)
AIDGE_FIXED_COMPARE(!=)
AIDGE_FIXED_COMPARE(<)
AIDGE_FIXED_COMPARE(<=)
AIDGE_FIXED_COMPARE(>)
AIDGE_FIXED_COMPARE(>=)
#undef AIDGE_FIXED_COMPARE

template <int W>
using integer = int_base<W, true>;
template <int W>
using uinteger = int_base<W, false>;

namespace detail
{
/* The ap_int type of a C integer operand: int is ap_int<32>, unsigned long long ap_uint<64>, and so on. */
template <typename T>
struct as_int_base
{
    typedef int_base<static_cast<int>(sizeof(T) * 8), std::is_signed<T>::value> type;
};
template <int W, bool S>
struct as_int_base<int_base<W, S>>
{
    typedef int_base<W, S> type;
};

/* The ap_int result widths: an unsigned operand beside a signed one needs one more bit to keep its range. */
template <int W1, bool S1, int W2, bool S2>
struct int_result
{
    static constexpr int sum = max_of(W1 + (S2 && !S1 ? 1 : 0), W2 + (S1 && !S2 ? 1 : 0)) + 1;
    typedef int_base<sum, S1 || S2> plus;
    typedef int_base<sum, true> minus;
    typedef int_base<W1 + W2, S1 || S2> mult;
};

template <typename A, typename B>
struct int_operands
{
    typedef typename as_int_base<A>::type left;
    typedef typename as_int_base<B>::type right;
    typedef int_result<left::width, left::is_signed, right::width, right::is_signed> result;
};

template <typename T>
struct is_int_base : std::false_type
{
};
template <int W, bool S>
struct is_int_base<int_base<W, S>> : std::true_type
{
};

/* An operator applies when one side is an aidge integer and the other an aidge integer or a C integer. */
template <typename A, typename B>
struct int_operator
    : std::integral_constant<bool, (is_int_base<A>::value && (is_int_base<B>::value || std::is_integral<B>::value))
                                       || (is_int_base<B>::value && std::is_integral<A>::value)>
{
};
} // namespace detail

template <typename A, typename B, typename std::enable_if<detail::int_operator<A, B>::value, int>::type = 0>
typename detail::int_operands<A, B>::result::plus operator+(const A& a, const B& b)
{
    typedef typename detail::int_operands<A, B> ops;
    /* Both operands fit 64 bits and so does the result (its width is at most 64): the C sum is exact. */
    return typename ops::result::plus(typename ops::left(a).to_int64() + typename ops::right(b).to_int64());
}

template <typename A, typename B, typename std::enable_if<detail::int_operator<A, B>::value, int>::type = 0>
typename detail::int_operands<A, B>::result::minus operator-(const A& a, const B& b)
{
    typedef typename detail::int_operands<A, B> ops;
    return typename ops::result::minus(typename ops::left(a).to_int64() - typename ops::right(b).to_int64());
}

template <typename A, typename B, typename std::enable_if<detail::int_operator<A, B>::value, int>::type = 0>
typename detail::int_operands<A, B>::result::mult operator*(const A& a, const B& b)
{
    typedef typename detail::int_operands<A, B> ops;
    return typename ops::result::mult(typename ops::left(a).to_int64() * typename ops::right(b).to_int64());
}

template <int W, bool S>
int_base<W + 1, true> operator-(const int_base<W, S>& a)
{
    return int_base<W + 1, true>(-a.to_int64());
}

#define AIDGE_INT_COMPARE(op)                                                                                            \
    template <typename A, typename B, typename std::enable_if<detail::int_operator<A, B>::value, int>::type = 0>          \
    bool operator op(const A& a, const B& b)                                                                             \
    {                                                                                                                    \
        typedef typename detail::int_operands<A, B> ops;                                                                 \
        return typename ops::left(a).to_int64() op typename ops::right(b).to_int64();                                    \
    }
AIDGE_INT_COMPARE(==)
AIDGE_INT_COMPARE(!=)
AIDGE_INT_COMPARE(<)
AIDGE_INT_COMPARE(<=)
AIDGE_INT_COMPARE(>)
AIDGE_INT_COMPARE(>=)
#undef AIDGE_INT_COMPARE

/* hls::stream's interface over a deque: unbounded, as the C simulation of one is. */
template <typename T>
class stream
{
public:
    stream() : name_("stream") {}
    explicit stream(const char* name) : name_(name) {}
    stream(const stream&) = delete;
    stream& operator=(const stream&) = delete;

    void write(const T& value) { items_.push_back(value); }
    bool write_nb(const T& value)
    {
        write(value);
        return true;
    }
    T read()
    {
        if (items_.empty())
        {
            /* hls::stream's csim warns and returns a default value too: the hardware would stall here. */
            std::fprintf(stderr, "aidge::stream '%s' read while empty: the design would stall\n", name_);
            return T();
        }
        T value = items_.front();
        items_.pop_front();
        return value;
    }
    void read(T& value) { value = read(); }
    bool read_nb(T& value)
    {
        if (items_.empty())
        {
            return false;
        }
        value = read();
        return true;
    }
    bool empty() const { return items_.empty(); }
    bool full() const { return false; }
    std::size_t size() const { return items_.size(); }
    stream& operator<<(const T& value)
    {
        write(value);
        return *this;
    }
    stream& operator>>(T& value)
    {
        read(value);
        return *this;
    }

private:
    const char* name_;
    std::deque<T> items_;
};
} // namespace aidge

#endif
#endif
