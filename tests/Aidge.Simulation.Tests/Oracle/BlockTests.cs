using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>Whole blocks of real networks against ONNX Runtime, where kernel errors would compound.</summary>
[TestClass]
public sealed class BlockTests
{
    private const double Rtol = 1e-4;
    private const double Atol = 1e-4;

    /// <summary>conv-bn-relu-conv-bn, plus the skip connection, then relu.</summary>
    [TestMethod]
    [DataRow(8, 12)]
    [DataRow(16, 9)]
    public void ResNetBasicBlockMatchesOnnxRuntime(int channels, int size)
    {
        var model = new ModelBuilder().Input("X", 1, channels, size, size);
        model.Output(model.ResNetBasicBlock("X", channels));
        OracleAssert.Agrees(model, Rtol, Atol);
    }

    /// <summary>1x1 expansion, depthwise 3x3, 1x1 projection, Relu6 as Clip; the residual add when stride 1 keeps the shape.</summary>
    [TestMethod]
    [DataRow(8, 8, 4, 1)]
    [DataRow(8, 12, 6, 2)]
    public void MobileNetBlockMatchesOnnxRuntime(int inChannels, int outChannels, int expansion, int stride)
    {
        var model = new ModelBuilder().Input("X", 1, inChannels, 10, 10);
        model.Output(model.MobileNetBlock("X", inChannels, outChannels, expansion, stride));
        OracleAssert.Agrees(model, Rtol, Atol);
    }

    /// <summary>The whole MobileNetV2 network at a small width and size: 52 convolutions, pooling and the classifier.</summary>
    [TestMethod]
    public void MobileNetV2NetworkMatchesOnnxRuntime()
    {
        OracleAssert.Agrees(NetworkBlocks.MobileNetV2Network(size: 32, width: 0.35, classes: 10), Rtol, Atol);
    }
}
