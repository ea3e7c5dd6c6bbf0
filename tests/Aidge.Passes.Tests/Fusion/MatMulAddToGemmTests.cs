using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class MatMulAddToGemmTests
{
    private static readonly MatMulAddToGemm Pass = new();

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void TwoDimensionalLinearBecomesGemm(bool biasFirst)
    {
        var b = new ModelBuilder().Input("x", 3, 4)
            .RandomInitializer("w", 0.5f, 4, 5)
            .RandomInitializer("bias", 0.5f, 5)
            .Node("MatMul", ["x", "w"], ["product"])
            .Node("Add", biasFirst ? ["bias", "product"] : ["product", "bias"], ["y"])
            .Node("Relu", ["y"], ["z"])
            .Output("z");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        CollectionAssert.AreEqual(new[] { "Gemm", "Relu" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
        var gemm = optimized.Graph.Nodes[0];
        CollectionAssert.AreEqual(new[] { "x", "w", "bias" }, gemm.Inputs.Select(v => v!.Name).ToArray());
        Assert.AreEqual("y", gemm.Output(0)!.Name);
    }

    [TestMethod]
    public void ABiasPerRowOrScalarIsGemmsToo()
    {
        var b = new ModelBuilder().Input("x", 3, 4)
            .RandomInitializer("w", 0.5f, 4, 5)
            .RandomInitializer("rows", 0.5f, 3, 1)
            .Initializer("scalar", [0.25f])
            .Node("MatMul", ["x", "w"], ["p1"])
            .Node("Add", ["p1", "rows"], ["y1"])
            .Node("MatMul", ["x", "w"], ["p2"])
            .Node("Add", ["p2", "scalar"], ["y2"])
            .Output("y1").Output("y2");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual(2, PassTesting.Count(optimized.Graph, "Gemm"));
    }

    [TestMethod]
    public void BatchedMatMulStays()
    {
        var b = new ModelBuilder().Input("x", 2, 3, 4)
            .RandomInitializer("w", 0.5f, 4, 5)
            .RandomInitializer("bias", 0.5f, 5)
            .Node("MatMul", ["x", "w"], ["product"])
            .Node("Add", ["product", "bias"], ["y"])
            .Output("y");

        Assert.IsFalse(PassTesting.Optimize(b, [Pass]).Records[0].Result.Changed);
    }

    [TestMethod]
    public void AProductReadElsewhereOrABiasThatWouldGrowTheOutputStays()
    {
        var shared = new ModelBuilder().Input("x", 3, 4)
            .RandomInitializer("w", 0.5f, 4, 5)
            .RandomInitializer("bias", 0.5f, 5)
            .Node("MatMul", ["x", "w"], ["product"])
            .Node("Add", ["product", "bias"], ["y"])
            .Output("y").Output("product");
        var growing = new ModelBuilder().Input("x", 3, 4)
            .RandomInitializer("w", 0.5f, 4, 5)
            .RandomInitializer("bias", 0.5f, 2, 1, 5)
            .Node("MatMul", ["x", "w"], ["product"])
            .Node("Add", ["product", "bias"], ["y"])
            .Output("y");

        Assert.IsFalse(PassTesting.Optimize(shared, [Pass]).Records[0].Result.Changed);
        Assert.IsFalse(PassTesting.Optimize(growing, [Pass]).Records[0].Result.Changed);
    }
}
