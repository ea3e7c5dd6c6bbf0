using System.Globalization;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Verification;

/// <summary>How one output of the library compares with the simulator: the elements outside the tolerance (the first one), and the worst errors.</summary>
public sealed record OutputDifference(string Output, int Mismatches, int Length, int FirstIndex, double Expected, double Actual, double MaxAbsError, double MaxRelError)
{
    public bool Agrees => Mismatches == 0;

    public override string ToString() => Describe("simulator");

    /// <summary>The difference, with the expected value labelled by where it comes from (the simulator, the original graph).</summary>
    public string Describe(string expectedFrom) => string.Create(CultureInfo.InvariantCulture,
        $"output '{Output}' differs at {Mismatches} of {Length} elements (max abs error {MaxAbsError:G3}, max rel error {MaxRelError:G3}; first at [{FirstIndex}]: {Actual:G6}, {expectedFrom} {Expected:G6})");
}

/// <summary>
/// The build-time check's rule for one output. Floating-point elements agree when |a − e| ≤ atol + rtol·|e|, with the
/// conformance suite's rtol (1e-3) and atol (1e-7) raised by 1e-4 of the output's largest magnitude: the C kernels
/// sum in another order than the simulator (blocked GEMMs, threads), and an output that is a near-cancelling sum of
/// large terms differs by rounding far above 1e-7 without any bug, while a real exporter bug is off by the output's
/// own scale. Integer and bool outputs must be equal.
/// </summary>
public static class OutputComparison
{
    public const double Rtol = 1e-3;
    public const double Atol = 1e-7;
    public const double ScaleSlack = 1e-4;

    public static OutputDifference Compare(string name, Tensor expected, Tensor actual)
    {
        if (expected.Type != actual.Type || !expected.Dims.AsSpan().SequenceEqual(actual.Dims))
        {
            throw new ArgumentException($"Output '{name}' is {actual}, the simulator gives {expected}.");
        }
        bool floating = expected.Type.IsFloatingPoint();
        double atol = 0;
        if (floating)
        {
            double scale = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                double e = Math.Abs(expected.GetDouble(i));
                scale = double.IsFinite(e) ? Math.Max(scale, e) : scale;
            }
            atol = Atol + ScaleSlack * scale;
        }
        double rtol = floating ? Rtol : 0;
        int mismatches = 0, first = -1;
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected.GetDouble(i);
            double a = actual.GetDouble(i);
            if ((double.IsNaN(e) && double.IsNaN(a)) || e == a)
            {
                continue;
            }
            double error = Math.Abs(a - e);
            maxAbs = Math.Max(maxAbs, double.IsNaN(error) ? double.PositiveInfinity : error);
            maxRel = e != 0 ? Math.Max(maxRel, error / Math.Abs(e)) : maxRel;
            if (!(error <= atol + rtol * Math.Abs(e)))
            {
                mismatches++;
                first = first < 0 ? i : first;
            }
        }
        return first < 0
            ? new OutputDifference(name, 0, expected.Length, -1, 0, 0, maxAbs, maxRel)
            : new OutputDifference(name, mismatches, expected.Length, first, expected.GetDouble(first), actual.GetDouble(first), maxAbs, maxRel);
    }
}
