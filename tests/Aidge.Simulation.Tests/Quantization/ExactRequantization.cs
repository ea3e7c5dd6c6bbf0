using System.Numerics;

namespace Aidge.Simulation.Tests.Quantization;

/// <summary>
/// An independent statement of the requantization in exact rational arithmetic: floor(acc·multiplier / 2^(31+shift)
/// + 1/2), then the zero point and the clamp. No shifts, so it does not share the implementation's arithmetic.
/// </summary>
internal static class ExactRequantization
{
    public static long Apply(long accumulator, long multiplier, long shift, long zeroPoint, long min, long max)
    {
        var product = (BigInteger)accumulator * multiplier;
        var divisor = BigInteger.One << (int)(31 + shift);
        var quotient = BigInteger.DivRem(2 * product + divisor, 2 * divisor, out var remainder);
        if (remainder.Sign < 0)
        {
            quotient -= 1;
        }
        return (long)BigInteger.Clamp(quotient + zeroPoint, min, max);
    }
}
