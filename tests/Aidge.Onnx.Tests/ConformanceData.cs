using Aidge.Conformance;

namespace Aidge.Onnx.Tests;

/// <summary>The ONNX backend test data, found as the conformance runner finds it (<see cref="ConformanceSuite.DataRoot"/>).</summary>
internal static class ConformanceData
{
    public static string Root()
    {
        string root = ConformanceSuite.DataRoot();
        if (!Directory.Exists(Path.Combine(root, "node")))
        {
            Assert.Inconclusive($"No ONNX conformance data at {root}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        return root;
    }

    /// <summary>Every case's model.onnx, in a stable order.</summary>
    public static IEnumerable<string> Models(string root) =>
        Directory.GetDirectories(root)
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.Combine(d, "model.onnx"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
}
