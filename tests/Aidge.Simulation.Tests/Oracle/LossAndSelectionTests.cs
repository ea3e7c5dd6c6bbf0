using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>The losses and NonMaxSuppression against ONNX Runtime.</summary>
[TestClass]
public sealed class LossAndSelectionTests
{
    [TestMethod]
    [DataRow("NegativeLogLikelihoodLoss", "mean", true, true)]
    [DataRow("NegativeLogLikelihoodLoss", "sum", false, true)]
    [DataRow("NegativeLogLikelihoodLoss", "none", true, false)]
    [DataRow("SoftmaxCrossEntropyLoss", "mean", true, true)]
    [DataRow("SoftmaxCrossEntropyLoss", "none", false, true)]
    [DataRow("SoftmaxCrossEntropyLoss", "sum", true, false)]
    public void LossMatchesOnnxRuntime(string op, string reduction, bool weighted, bool ignoreIndex)
    {
        var model = new ModelBuilder(13);
        var labels = Enumerable.Range(0, 2 * 3).Select(_ => (long)model.Random.Next(4)).ToArray();
        model.Input("X", model.RandomTensor(2f, 2, 4, 3)).Input("T", Tensor.FromArray(labels, 2, 3));
        if (weighted)
        {
            model.Initializer("W", model.UniformTensor(0.5f, 2f, 4));
        }
        var attributes = new List<(string, object)> { ("reduction", reduction) };
        if (ignoreIndex)
        {
            attributes.Add(("ignore_index", labels[0]));
        }
        model.Node(op, weighted ? ["X", "T", "W"] : ["X", "T"], ["L"], [.. attributes]).Output("L");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }

    [TestMethod]
    [DataRow(0, 3, 0.5f, 0.2f)]
    [DataRow(1, 2, 0.3f, 0.0f)]
    [DataRow(0, 10, 0.7f, -1f)]
    public void NonMaxSuppressionMatchesOnnxRuntime(int centerPointBox, int maxPerClass, float iouThreshold, float scoreThreshold)
    {
        var model = new ModelBuilder(11);
        // Boxes of positive size around random corners, so the two formats describe comparable boxes.
        var boxes = new float[2 * 12 * 4];
        for (int i = 0; i < boxes.Length; i += 4)
        {
            boxes[i] = model.RandomValues(1, 0f, 5f)[0];
            boxes[i + 1] = model.RandomValues(1, 0f, 5f)[0];
            boxes[i + 2] = centerPointBox == 1 ? model.RandomValues(1, 0.5f, 3f)[0] : boxes[i] + model.RandomValues(1, 0.5f, 3f)[0];
            boxes[i + 3] = centerPointBox == 1 ? model.RandomValues(1, 0.5f, 3f)[0] : boxes[i + 1] + model.RandomValues(1, 0.5f, 3f)[0];
        }
        model.Input("B", Tensor.FromArray(boxes, 2, 12, 4)).Input("S", model.UniformTensor(0f, 1f, 2, 3, 12))
            .Initializer("M", [(long)maxPerClass], 1).Initializer("I", [iouThreshold], 1).Initializer("T", [scoreThreshold], 1)
            .Node("NonMaxSuppression", ["B", "S", "M", "I", "T"], ["Y"], ("center_point_box", (long)centerPointBox)).Output("Y", DataType.Int64);
        OracleAssert.Agrees(model, rtol: 0, atol: 0);
    }
}
