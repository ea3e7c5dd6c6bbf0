using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class RecognizeLayerNormalizationTests
{
    private static readonly RecognizeLayerNormalization Pass = new();

    [TestMethod]
    [DataRow(13)]
    [DataRow(18)]
    public void TheExportedChainBecomesOneLayerNormalization(int opset)
    {
        var b = new ModelBuilder(opset).Input("x", 2, 3, 8);
        b.Output(b.DecomposedLayerNorm("x", [8], epsilon: 1e-5f));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        var layerNorm = optimized.Graph.Nodes.Single();
        Assert.AreEqual("LayerNormalization", layerNorm.OpType);
        Assert.AreEqual(AidgeDomain.Name, layerNorm.Domain);
        Assert.AreEqual(2L, layerNorm.GetInt("axis", 0));
        Assert.AreEqual(1e-5f, layerNorm.GetFloat("epsilon", 0));
        Assert.AreEqual(optimized.Graph.Outputs.Single(), layerNorm.Output(0));
        Assert.AreEqual(2, optimized.Graph.Initializers.Count, "the new scale and bias; γ, β and the axes of opset 18 are gone");
    }

    [TestMethod]
    public void SeveralTrailingAxesGiveTheFirstOfThem()
    {
        var b = new ModelBuilder().Input("x", 2, 3, 4);
        b.Output(b.DecomposedLayerNorm("x", [3, 4]));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual(1L, optimized.Graph.Nodes.Single().GetInt("axis", 0));
    }

    [TestMethod]
    public void WithoutGammaAndBetaTheScaleIsOnesAndTheBiasZeros()
    {
        var b = new ModelBuilder().Input("x", 4, 6);
        b.Output(b.DecomposedLayerNorm("x", [6], affine: false));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        var layerNorm = optimized.Graph.Nodes.Single();
        var scale = layerNorm.Input(1)!.Initializer!;
        var bias = layerNorm.Input(2)!.Initializer!;
        CollectionAssert.AreEqual(Enumerable.Repeat(1f, 6).ToArray(), scale.Span<float>().ToArray());
        CollectionAssert.AreEqual(new float[6], bias.Span<float>().ToArray());
    }

    [TestMethod]
    public void TheSquareMayBeAMulOfTheCentredValueByItself()
    {
        var b = Chain([-1], squareByMul: true);

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.HasCount(1, optimized.Graph.Nodes);
    }

    [TestMethod]
    public void AReductionOverALeadingAxisIsNotALayerNormalization()
    {
        Assert.IsFalse(PassTesting.Optimize(Chain([1]), [Pass]).Records[0].Result.Changed);
        Assert.IsFalse(PassTesting.Optimize(Chain([0, 2]), [Pass]).Records[0].Result.Changed);
    }

    [TestMethod]
    public void AComputedEpsilonOrAnIntermediateTheCallerReadsStays()
    {
        var computedEpsilon = Chain([-1], epsilonInput: true);
        var centredIsOutput = Chain([-1]).Output("centred");

        Assert.IsFalse(PassTesting.Optimize(computedEpsilon, [Pass]).Records[0].Result.Changed);
        Assert.IsFalse(PassTesting.Optimize(centredIsOutput, [Pass]).Records[0].Result.Changed);
    }

    /// <summary>The chain without γ and β, written out so that tests can vary its parts.</summary>
    private static ModelBuilder Chain(long[] axes, bool squareByMul = false, bool epsilonInput = false)
    {
        var b = new ModelBuilder().Input("x", 2, 3, 8).Initializer("two", [2f]);
        if (epsilonInput)
        {
            b.Input("epsilon", Tensor.FromArray([1e-5f]));
        }
        else
        {
            b.Initializer("epsilon", [1e-5f]);
        }
        b.Node("Sub", ["x", b.ReduceMean("x", axes)], ["centred"])
            .Node(squareByMul ? "Mul" : "Pow", squareByMul ? ["centred", "centred"] : ["centred", "two"], ["squared"])
            .Node("Add", [b.ReduceMean("squared", axes), "epsilon"], ["sum"])
            .Node("Sqrt", ["sum"], ["deviation"])
            .Node("Div", ["centred", "deviation"], ["y"]);
        return b.Output("y");
    }
}
