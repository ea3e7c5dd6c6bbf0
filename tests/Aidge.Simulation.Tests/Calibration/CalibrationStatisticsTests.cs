using Aidge.Core.Tensors;
using Aidge.Simulation.Calibration;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Calibration;

[TestClass]
public sealed class CalibrationStatisticsTests
{
    [TestMethod]
    public void EveryFloatActivationIsRecordedOverEverySample()
    {
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 1, 4)
            .RandomInitializer("w", 1f, 4, 3)
            .Node("MatMul", ["x", "w"], ["h"])
            .Node("Relu", ["h"], ["y"])
            .Output("y");
        var model = new SimulatorModel(builder.ToBytes()).Model;
        var samples = new[] { new float[] { 1, -2, 3, -4 }, new float[] { 0.5f, 0.5f, -8, 2 } }
            .Select(v => (IReadOnlyDictionary<string, Tensor>)new Dictionary<string, Tensor> { ["x"] = Tensor.FromArray(v, 1, 4) })
            .ToList();

        var statistics = CalibrationStatistics.Collect(model.Graph, samples);

        Assert.AreEqual(2, statistics.SampleCount);
        CollectionAssert.AreEquivalent(new[] { "x", "h", "y" }, statistics.Values.Keys.ToArray(), "activations only, not the weight");
        var ranges = statistics.Ranges(new RangeEstimationOptions(CalibrationMethod.MinMax));
        Assert.AreEqual((-8f, 3f), ranges["x"]);
        Assert.AreEqual(0f, ranges["y"].Min);
        Assert.AreEqual(statistics.Values["h"].Max, ranges["y"].Max);
        Assert.AreEqual(8, statistics.Values["x"].Count);
    }
}
