using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;

namespace Aidge.Core.Tests.Fused;

[TestClass]
public sealed class FusedActivationTests
{
    private static readonly FusedActivation[] Every =
    [
        new(FusedActivationKind.Relu),
        FusedActivation.Clip(0f, 6f),
        FusedActivation.LeakyRelu(0.1f),
        new(FusedActivationKind.Sigmoid),
        FusedActivation.HardSigmoid(0.2f, 0.5f),
        new(FusedActivationKind.HardSwish),
        new(FusedActivationKind.Swish),
        new(FusedActivationKind.Tanh),
    ];

    [TestMethod]
    public void EveryActivationReadsBackWhatItWrites()
    {
        Assert.HasCount(Enum.GetValues<FusedActivationKind>().Length, Every);
        foreach (var activation in Every)
        {
            var (_, node, _) = FusedConvGraph(activation);
            Assert.AreEqual(activation, FusedActivation.FromNode(node));
            Assert.AreEqual(FusedActivation.ParameterCount(activation.Kind) > 0, node.HasAttribute(FusedActivation.ParametersAttribute), activation.Name);
        }
    }

    [TestMethod]
    public void ApplyFollowsTheOnnxOperators()
    {
        Assert.AreEqual(0f, Every[0].Apply(-2f));
        Assert.AreEqual(3f, Every[0].Apply(3f));
        Assert.AreEqual(6f, Every[1].Apply(7f));
        Assert.AreEqual(0f, Every[1].Apply(-1f));
        Assert.AreEqual(2.5f, Every[1].Apply(2.5f));
        Assert.AreEqual(0.1f * -2f, Every[2].Apply(-2f));
        Assert.AreEqual(0.5f, Every[3].Apply(0f));
        Assert.AreEqual(1f / (1f + MathF.Exp(-1.5f)), Every[3].Apply(1.5f));
        Assert.AreEqual(0.2f * 1f + 0.5f, Every[4].Apply(1f));
        Assert.AreEqual(1f, Every[4].Apply(10f));
        Assert.AreEqual(0f, Every[4].Apply(-10f));
        Assert.AreEqual(3f, Every[5].Apply(3f));
        Assert.AreEqual(0f, Every[5].Apply(-3f));
        Assert.AreEqual(1f * (1f * (1f / 6f) + 0.5f), Every[5].Apply(1f));
        Assert.AreEqual(2f * (1f / (1f + MathF.Exp(-2f))), Every[6].Apply(2f));
        Assert.AreEqual(MathF.Tanh(0.5f), Every[7].Apply(0.5f));
    }

    [TestMethod]
    public void SigmoidAndSwishNeitherOverflowNorLoseNaN()
    {
        Assert.AreEqual(0f, Every[3].Apply(-200f));
        Assert.AreEqual(1f, Every[3].Apply(200f));
        Assert.AreEqual(-0f, Every[6].Apply(-200f));
        foreach (var activation in Every)
        {
            Assert.IsTrue(float.IsNaN(activation.Apply(float.NaN)), activation.Name);
        }
    }

    [TestMethod]
    public void ClipWithMinimumAboveMaximumGivesTheMaximum()
    {
        var inverted = FusedActivation.Clip(2f, 1f);
        Assert.AreEqual(1f, inverted.Apply(0f));
        Assert.AreEqual(1f, inverted.Apply(5f));
    }

    [TestMethod]
    public void FusedConvInfersConvsShape()
    {
        var (graph, _, y) = FusedConvGraph(new FusedActivation(FusedActivationKind.Relu));

        new ShapeInference().Run(graph);

        Assert.AreEqual(new TensorType(DataType.Float, new Shape(1, 4, 3, 3)), y.Type);
    }

    [TestMethod]
    public void UnknownActivationIsReportedWithTheNodeAndTheKnownNames()
    {
        var (graph, node, _) = FusedConvGraph(new FusedActivation(FusedActivationKind.Relu));
        node.SetAttribute(NodeAttribute.Of(FusedActivation.ActivationAttribute, "Gelu"));

        var error = Assert.ThrowsExactly<AidgeException>(() => new ShapeInference(file: "m.onnx").Run(graph));

        Assert.AreEqual(DiagnosticCodes.InvalidFusedActivation, error.Diagnostic.Code);
        Assert.AreEqual("m.onnx", error.Diagnostic.File);
        Assert.AreEqual("fused", error.Diagnostic.Node);
        StringAssert.Contains(error.Diagnostic.Message, "'Gelu', which is not one of Relu, Clip, LeakyRelu");
    }

    [TestMethod]
    public void WrongParameterCountIsReported()
    {
        var (_, node, _) = FusedConvGraph(FusedActivation.LeakyRelu(0.1f));
        node.SetAttribute(NodeAttribute.Of(FusedActivation.ParametersAttribute, new[] { 0.1f, 0.2f }));

        var error = Assert.ThrowsExactly<AidgeException>(() => FusedActivation.FromNode(node));

        Assert.AreEqual(DiagnosticCodes.InvalidFusedActivation, error.Diagnostic.Code);
        StringAssert.Contains(error.Diagnostic.Message, "LeakyRelu takes 1 activation_params (alpha), the node gives 2");
    }

    [TestMethod]
    public void FusedOperatorsCountTheMacsOfWhatTheyExtend()
    {
        var (graph, node, _) = FusedConvGraph(new FusedActivation(FusedActivationKind.Relu));
        new ShapeInference().Run(graph);

        // 4 outputs x 3 x 3 positions, each over 2 channels x 3 x 3 taps.
        Assert.AreEqual(4L * 9 * 2 * 9, MacCounter.Of(node));
    }

    /// <summary>x [1, 2, 5, 5] → FusedConv (4 filters of 3x3, no padding) → y [1, 4, 3, 3].</summary>
    private static (Graph Graph, Node Node, Value Y) FusedConvGraph(FusedActivation activation)
    {
        var graph = new Graph();
        graph.SetOpsets([new KeyValuePair<string, long>("", 17)]);
        AidgeDomain.EnsureImported(graph);
        var x = graph.GetOrAddValue("x");
        x.Type = new TensorType(DataType.Float, new Shape(1, 2, 5, 5));
        graph.Inputs.Add(x);
        var w = graph.AddInitializer("w", Tensor.Create(DataType.Float, 4, 2, 3, 3));
        var y = graph.GetOrAddValue("y");
        var node = graph.AddNode("FusedConv", [x, w], [y], "fused", AidgeDomain.Name);
        activation.WriteTo(node);
        graph.Outputs.Add(y);
        return (graph, node, y);
    }
}
