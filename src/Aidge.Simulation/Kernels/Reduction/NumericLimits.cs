using System.Numerics;

namespace Aidge.Simulation.Kernels.Reduction;

/// <summary>The extremes a max/min fold starts from: infinities for floating point, the range ends for integers.</summary>
public static class NumericLimits
{
    public static T Lowest<T>()
        where T : INumber<T>, IMinMaxValue<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(float.NegativeInfinity)
        : typeof(T) == typeof(double) ? T.CreateTruncating(double.NegativeInfinity)
        : T.MinValue;

    public static T Highest<T>()
        where T : INumber<T>, IMinMaxValue<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(float.PositiveInfinity)
        : typeof(T) == typeof(double) ? T.CreateTruncating(double.PositiveInfinity)
        : T.MaxValue;
}
