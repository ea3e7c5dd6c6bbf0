/* needs: aidge_cu_grid */
/* The integer side of ai.aidge QConv and QGemm: the zero points and output range of a layer, by value, and the
   requantization of Core's Requantization, so that the simulator and the GPU agree bit for bit:
   y = clamp(y_zero_point + RoundShift((int64)acc * multiplier, 31 + shift), y_min, y_max) with
   RoundShift(v, n) = (v + 2^(n-1)) >> n, an arithmetic shift. The product stays below 2^62 (multiplier < 2^31).
   The per-channel multipliers and shifts are a device table named by the node's generated kernel: multipliers of
   the channels first, then their shifts. */
struct aidge_cu_qlayer
{
    int x_zero_point;
    int y_zero_point;
    int y_min;
    int y_max;
};

static __device__ __forceinline__ int aidge_cu_requantize(int acc, int multiplier, int shift, const aidge_cu_qlayer& q)
{
    const int n = 31 + shift;
    long long v = q.y_zero_point + ((((long long)acc * multiplier) + (1LL << (n - 1))) >> n);
    v = v < q.y_min ? q.y_min : v > q.y_max ? q.y_max : v;
    return (int)v;
}
