using Aidge.Conformance;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>Asserts that the simulator computes what ONNX Runtime computes for a built model.</summary>
internal static class OracleAssert
{
    /// <summary>Every output must satisfy |simulator − ORT| ≤ atol + rtol·|ORT| elementwise.</summary>
    public static void Agrees(ModelBuilder model, double rtol, double atol)
    {
        var differences = OracleComparison.Differences(model, new Tolerance(rtol, atol));
        Assert.IsEmpty(differences,
            $"The simulator disagrees with ONNX Runtime (rtol {rtol}, atol {atol}):{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }
}
