using Aidge.Core.Diagnostics;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Fused;

/// <summary>The simulator's FusedConv and FusedGemm are the Conv and Gemm kernels followed by the activation, bit for bit.</summary>
[TestClass]
public sealed class FusedKernelTests
{
    [TestMethod]
    public void FusedConvIsConvThenClip()
    {
        (string, object)[] conv = [("group", 2L), ("strides", new[] { 2L, 1L }), ("pads", new long[] { 1, 0, 2, 1 })];
        var unfused = new ModelBuilder(opset: 17).Input("x", 2, 6, 9, 7)
            .RandomInitializer("w", 0.4f, 4, 3, 3, 3).RandomInitializer("b", 0.2f, 4)
            .Initializer("low", [-0.5f]).Initializer("high", [0.5f])
            .Node("Conv", ["x", "w", "b"], ["c"], conv).Node("Clip", ["c", "low", "high"], ["y"]).Output("y");
        var fused = new ModelBuilder(opset: 17).Input("x", 2, 6, 9, 7)
            .RandomInitializer("w", 0.4f, 4, 3, 3, 3).RandomInitializer("b", 0.2f, 4)
            .DomainNode(AidgeDomain.Name, AidgeDomain.Version, "FusedConv", ["x", "w", "b"], ["y"],
                [.. conv, (FusedActivation.ActivationAttribute, "Clip"), (FusedActivation.ParametersAttribute, new[] { -0.5f, 0.5f })])
            .Output("y");

        var y = AssertSameBits(unfused, fused);
        Assert.IsTrue(y.Contains(0.5f) && y.Contains(-0.5f) && y.Any(v => Math.Abs(v) < 0.5f), "the bounds clip some outputs, not all");
    }

    [TestMethod]
    public void FusedGemmIsGemmThenLeakyRelu()
    {
        (string, object)[] gemm = [("transA", 1L), ("alpha", 0.7f), ("beta", 1.5f)];
        var unfused = new ModelBuilder(opset: 17).Input("a", 5, 3).RandomInitializer("b", 0.5f, 5, 4).RandomInitializer("c", 0.5f, 1, 4)
            .Node("Gemm", ["a", "b", "c"], ["g"], gemm).Node("LeakyRelu", ["g"], ["y"], ("alpha", 0.3f)).Output("y");
        var fused = new ModelBuilder(opset: 17).Input("a", 5, 3).RandomInitializer("b", 0.5f, 5, 4).RandomInitializer("c", 0.5f, 1, 4)
            .DomainNode(AidgeDomain.Name, AidgeDomain.Version, "FusedGemm", ["a", "b", "c"], ["y"],
                [.. gemm, (FusedActivation.ActivationAttribute, "LeakyRelu"), (FusedActivation.ParametersAttribute, new[] { 0.3f })])
            .Output("y");

        var y = AssertSameBits(unfused, fused);
        Assert.IsTrue(y.Any(v => v < 0) && y.Any(v => v > 0), "both slopes are used");
    }

    [TestMethod]
    public void DoubleInputsAreRefusedByName()
    {
        var x = Tensor.FromSpan<double>(DataType.Double, [1, 2], [1.0, -1.0]);
        var w = Tensor.FromSpan<double>(DataType.Double, [3, 2], [1, 2, 3, 4, 5, 6]);
        var builder = new ModelBuilder(opset: 17).Input("x", x).Initializer("w", w)
            .DomainNode(AidgeDomain.Name, AidgeDomain.Version, "FusedGemm", ["x", "w"], ["y"], ("transB", 1L), (FusedActivation.ActivationAttribute, "Relu"))
            .Output("y", DataType.Double);

        var error = Assert.ThrowsExactly<AidgeException>(() => new SimulatorModel(builder.ToBytes()).Run(builder.Feeds));

        Assert.AreEqual(DiagnosticCodes.KernelFailed, error.Diagnostic.Code);
        StringAssert.Contains(error.Diagnostic.Message, "FusedGemm takes float32 inputs, not double");
    }

    /// <summary>Runs both models (same seed, same random draws in the same order: same inputs and weights); returns the output.</summary>
    private static float[] AssertSameBits(ModelBuilder unfused, ModelBuilder fused)
    {
        var expected = new SimulatorModel(unfused.ToBytes()).Run(unfused.Feeds).Single().Span<float>().ToArray();
        var actual = new SimulatorModel(fused.ToBytes()).Run(fused.Feeds).Single().Span<float>().ToArray();
        CollectionAssert.AreEqual(expected, actual);
        return actual;
    }
}
