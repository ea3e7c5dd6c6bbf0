using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// Softmax, LogSoftmax and the normalization operators against ONNX Runtime: the 2-D coercion of opsets before
/// 13 against the single axis after, scales that broadcast, optional outputs and per-version semantics.
/// </summary>
[TestClass]
public sealed class NormalizationTests
{
    [TestMethod]
    [DataRow("Softmax", 11, 1)]
    [DataRow("Softmax", 11, -1)]
    [DataRow("Softmax", 13, 1)]
    [DataRow("Softmax", 13, 0)]
    [DataRow("LogSoftmax", 11, 2)]
    [DataRow("LogSoftmax", 13, 1)]
    [DataRow("LogSoftmax", 13, -1)]
    public void SoftmaxMatchesOnnxRuntime(string op, int opset, int axis)
    {
        var model = new ModelBuilder(opset);
        model.Input("X", model.RandomTensor(20f, 2, 3, 4, 5)).Node(op, ["X"], ["Y"], ("axis", (long)axis)).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-6);
    }

    [TestMethod]
    [DataRow("2,3,4,5", -1, "5", true)]
    [DataRow("2,3,4,5", 1, "3,4,5", true)]
    [DataRow("2,3,4,5", 2, "1,5", false)]
    [DataRow("6,8", 0, "6,8", true)]
    public void LayerNormalizationMatchesOnnxRuntime(string dims, int axis, string scaleDims, bool bias)
    {
        var model = new ModelBuilder(17);
        model.Input("X", model.RandomTensor(3f, CaseText.Dims(dims))).RandomInitializer("W", 1f, CaseText.Dims(scaleDims));
        if (bias)
        {
            model.RandomInitializer("B", 1f, CaseText.Dims(scaleDims));
        }
        model.Node("LayerNormalization", bias ? ["X", "W", "B"] : ["X", "W"], ["Y", "Mean", "InvStdDev"], ("axis", (long)axis), ("epsilon", 1e-3f))
            .Output("Y").Output("Mean").Output("InvStdDev");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-5);
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(6)]
    public void GroupNormalizationMatchesOnnxRuntime(int groups)
    {
        var model = new ModelBuilder(21);
        model.Input("X", model.RandomTensor(2f, 2, 6, 3, 3)).RandomInitializer("S", 1f, 6).RandomInitializer("B", 1f, 6)
            .Node("GroupNormalization", ["X", "S", "B"], ["Y"], ("num_groups", (long)groups)).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-5);
    }

    [TestMethod]
    [DataRow(1, 0)]
    [DataRow(2, 1)]
    [DataRow(2, -1)]
    public void LpNormalizationMatchesOnnxRuntime(int p, int axis)
    {
        var model = new ModelBuilder(17);
        model.Input("X", 3, 4, 5).Node("LpNormalization", ["X"], ["Y"], ("p", (long)p), ("axis", (long)axis)).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }

    [TestMethod]
    [DataRow("0,2,3")]
    [DataRow("1")]
    [DataRow("2,3")]
    public void MeanVarianceNormalizationMatchesOnnxRuntime(string axes)
    {
        var model = new ModelBuilder(13);
        model.Input("X", 2, 3, 4, 5).Node("MeanVarianceNormalization", ["X"], ["Y"], ("axes", CaseText.Dims(axes))).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-5);
    }
}
