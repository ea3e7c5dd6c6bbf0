using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class FoldScaleShiftTests
{
    private static readonly FoldScaleShift Pass = new();

    private static ModelBuilder ConvThen(out string conv)
    {
        var b = new ModelBuilder().Input("x", 1, 3, 5, 5);
        conv = b.Conv("x", 3, 4, 3);
        return b;
    }

    [TestMethod]
    public void PerChannelMulThenAddFoldIntoTheConv()
    {
        var b = ConvThen(out string conv)
            .RandomInitializer("scale", 2f, 4, 1, 1)
            .RandomInitializer("shift", 1f, 1, 4, 1, 1)
            .Node("Mul", [conv, "scale"], ["scaled"])
            .Node("Add", ["shift", "scaled"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual("Conv", optimized.Graph.Nodes.Single().OpType);
        Assert.AreEqual("y", optimized.Graph.Nodes.Single().Output(0)!.Name);
    }

    [TestMethod]
    [DataRow("Div", true)]
    [DataRow("Sub", true)]
    [DataRow("Sub", false)]
    [DataRow("Mul", false)]
    public void ScalarOperationsFoldOnEitherSideWhereTheyAreAffine(string opType, bool convIsLeft)
    {
        var b = ConvThen(out string conv).Initializer("c", [1.7f]);
        b.Node(opType, convIsLeft ? [conv, "c"] : ["c", conv], ["y"]).Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.HasCount(1, optimized.Graph.Nodes);
    }

    [TestMethod]
    public void DividingAConstantByTheOutputIsNotAffine()
    {
        var b = ConvThen(out string conv).Initializer("c", [1.7f]);
        b.Node("Div", ["c", conv], ["y"]).Output("y");

        var (optimized, _) = PassTesting.Optimize(b, [Pass]);

        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "Div"));
    }

    [TestMethod]
    public void DivisionByZeroIsLeftToTheRuntime()
    {
        var b = ConvThen(out string conv).Initializer("c", [0f]);
        b.Node("Div", [conv, "c"], ["y"]).Output("y");

        var (optimized, _) = PassTesting.Optimize(b, [Pass]);

        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "Div"));
    }

    [TestMethod]
    public void ConstantsAlongTheSpatialAxesOrOfHigherRankAreNotPerChannel()
    {
        // [5] broadcasts along the width; [1, 1, 4, 1, 1] would make the output 5-D.
        var b = ConvThen(out string conv)
            .RandomInitializer("along_width", 1f, 5)
            .RandomInitializer("higher_rank", 1f, 1, 1, 4, 1, 1)
            .Node("Mul", [conv, "along_width"], ["a"])
            .Node("Add", [conv, "higher_rank"], ["b"])
            .Output("a").Output("b");

        var (_, records) = PassTesting.Optimize(b, [Pass]);

        Assert.IsFalse(records[0].Result.Changed);
    }

    [TestMethod]
    public void GemmTakesAPerColumnScaleAndShift()
    {
        var b = new ModelBuilder().Input("x", 2, 4)
            .RandomInitializer("w", 0.5f, 6, 4)
            .RandomInitializer("bias", 0.5f, 6)
            .RandomInitializer("scale", 2f, 6)
            .RandomInitializer("shift", 1f, 1, 6)
            .Node("Gemm", ["x", "w", "bias"], ["g"], ("transB", 1L), ("beta", 0.5f))
            .Node("Mul", ["g", "scale"], ["s"])
            .Node("Sub", ["s", "shift"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual("Gemm", optimized.Graph.Nodes.Single().OpType);
    }

    [TestMethod]
    public void AGemmBiasThatVariesByRowCannotTakeAPerColumnShift()
    {
        var b = new ModelBuilder().Input("x", 2, 4)
            .RandomInitializer("w", 0.5f, 4, 6)
            .RandomInitializer("bias", 0.5f, 2, 1)
            .RandomInitializer("scale", 2f, 6)
            .Node("Gemm", ["x", "w", "bias"], ["g"])
            .Node("Mul", ["g", "scale"], ["y"])
            .Output("y");

        var (_, records) = PassTesting.Optimize(b, [Pass]);

        Assert.IsFalse(records[0].Result.Changed);
    }

    [TestMethod]
    public void AScaleWhoseInputIsAlsoAGraphOutputStays()
    {
        var b = ConvThen(out string conv).Initializer("c", [2f]);
        b.Node("Mul", [conv, "c"], ["y"]).Output("y").Output(conv);

        var (_, records) = PassTesting.Optimize(b, [Pass]);

        Assert.IsFalse(records[0].Result.Changed);
    }
}
