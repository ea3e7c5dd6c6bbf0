namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>Functions .NET's Math lacks, computed in double to well below float tolerance.</summary>
public static class SpecialFunctions
{
    private static readonly double TwoOverSqrtPi = 2 / Math.Sqrt(Math.PI);

    /// <summary>
    /// The error function (relative error about 1e-14): its Maclaurin series below 2.5, where cancellation costs
    /// at most two digits; 1 - erfc from erfc's continued fraction above, where the series would cancel badly;
    /// exactly ±1 from 6 on, where erfc is below double resolution.
    /// </summary>
    public static double Erf(double x)
    {
        double magnitude = Math.Abs(x);
        if (double.IsNaN(x))
        {
            return x;
        }
        if (magnitude < 2.5)
        {
            double square = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++)
            {
                term *= -square / n;
                double contribution = term / (2 * n + 1);
                sum += contribution;
                if (Math.Abs(contribution) <= 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }
            return sum * TwoOverSqrtPi;
        }
        return magnitude >= 6 ? Math.CopySign(1.0, x) : Math.CopySign(1 - ErfcContinuedFraction(magnitude), x);
    }

    /// <summary>erfc(z) = exp(-z²)/√π / (z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated bottom-up; z ≥ 2.5.</summary>
    private static double ErfcContinuedFraction(double z)
    {
        double fraction = z;
        for (int n = 60; n >= 1; n--)
        {
            fraction = z + n / 2.0 / fraction;
        }
        return Math.Exp(-z * z) / Math.Sqrt(Math.PI) / fraction;
    }
}
