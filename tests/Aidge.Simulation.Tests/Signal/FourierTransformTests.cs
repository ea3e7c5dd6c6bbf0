using System.Numerics;
using Aidge.Simulation.Kernels.Signal;

namespace Aidge.Simulation.Tests.Signal;

[TestClass]
public sealed class FourierTransformTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(8)]
    [DataRow(10)]
    [DataRow(16)]
    public void MatchesTheDefiningSum(int length)
    {
        var signal = Signal(length);
        var spectrum = new Complex[length];

        new FourierTransform(length).Transform(signal, spectrum, inverse: false);

        for (int k = 0; k < length; k++)
        {
            Complex expected = Complex.Zero;
            for (int n = 0; n < length; n++)
            {
                expected += signal[n] * Complex.FromPolarCoordinates(1, -2 * Math.PI * k * n / length);
            }
            Assert.AreEqual(0, Complex.Abs(spectrum[k] - expected), 1e-9, $"bin {k}");
        }
    }

    [TestMethod]
    [DataRow(6)]
    [DataRow(32)]
    public void InverseUndoesForward(int length)
    {
        var signal = Signal(length);
        var spectrum = new Complex[length];
        var roundTrip = new Complex[length];
        var transform = new FourierTransform(length);

        transform.Transform(signal, spectrum, inverse: false);
        transform.Transform(spectrum, roundTrip, inverse: true);

        for (int n = 0; n < length; n++)
        {
            Assert.AreEqual(0, Complex.Abs(roundTrip[n] - signal[n]), 1e-12, $"sample {n}");
        }
    }

    private static Complex[] Signal(int length) =>
        Enumerable.Range(0, length).Select(n => new Complex(n * 0.5 - 1, Math.Sin(n))).ToArray();
}
