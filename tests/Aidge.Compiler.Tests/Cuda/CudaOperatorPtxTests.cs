using Aidge.Testing;

namespace Aidge.Compiler.Tests.Cuda;

/// <summary>
/// Each family of the CUDA target's operators (beyond convolution, GEMM, pools and softmax) planned on a small model
/// and its device code compiled to PTX with clang-14: the compile must succeed, and every kernel the launchers start
/// must be in the PTX.
/// </summary>
[TestClass]
public sealed class CudaOperatorPtxTests
{
    public static IEnumerable<object[]> Families =>
    [
        ["elementwise", (Func<ModelBuilder>)CudaOperatorModels.Elementwise],
        ["broadcast", (Func<ModelBuilder>)CudaOperatorModels.Broadcast],
        ["movement", (Func<ModelBuilder>)CudaOperatorModels.Movement],
        ["reductions", (Func<ModelBuilder>)CudaOperatorModels.Reductions],
    ];

    [TestMethod]
    [DynamicData(nameof(Families))]
    public void FamilyCompilesToPtx(string family, Func<ModelBuilder> model)
    {
        if (CudaPtxCheck.Unavailable() is { } why)
        {
            Assert.Inconclusive(why);
        }
        var plan = CudaPtxCheck.Plan(model().ToBytes());
        var entries = CudaPtxCheck.Entries(CudaPtxCheck.CompileToPtx(plan, family));
        var launchers = plan.Helpers().Where(h => h.Code().Contains("AIDGE_LAUNCH(", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(launchers, $"{family}: the plan launches no kernel");
        foreach (var helper in launchers)
        {
            Assert.IsTrue(entries.Any(e => e.Contains(helper.Name, StringComparison.Ordinal)), $"{family}: no kernel of {helper.Name} in the PTX (entries: {string.Join(", ", entries)})");
        }
    }
}
