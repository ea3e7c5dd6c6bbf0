using Aidge.Conformance;
using Aidge.Core.Tensors;

namespace Aidge.Testing;

/// <summary>Runs one model in ONNX Runtime and in the simulator and says how their outputs differ.</summary>
public static class OracleComparison
{
    /// <summary>Every output that differs beyond the tolerance, described; empty when the simulator agrees with ORT.</summary>
    public static IReadOnlyList<string> Differences(ModelBuilder builder, Tolerance tolerance)
    {
        byte[] model = builder.ToBytes();
        IReadOnlyList<Tensor> expected;
        using (var options = OnnxRuntimeModel.ReferenceOptions())
        using (var reference = new OnnxRuntimeModel(model, options))
        {
            expected = reference.Run(builder.Feeds);
        }
        var actual = new SimulatorModel(model).Run(builder.Feeds);
        return Differences(expected, actual, tolerance);
    }

    public static IReadOnlyList<string> Differences(IReadOnlyList<Tensor> expected, IReadOnlyList<Tensor> actual, Tolerance tolerance)
    {
        if (expected.Count != actual.Count)
        {
            return [$"{actual.Count} outputs, expected {expected.Count}"];
        }
        return expected
            .Select((e, i) => ValueComparer.Difference($"output {i}", e, actual[i], tolerance))
            .OfType<string>()
            .ToList();
    }
}
