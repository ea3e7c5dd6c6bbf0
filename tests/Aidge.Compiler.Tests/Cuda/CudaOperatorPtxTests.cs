using Aidge.Export.Toolchain;
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
        ["elementwise", Bytes(CudaOperatorModels.Elementwise)],
        ["broadcast", Bytes(CudaOperatorModels.Broadcast)],
        ["movement", Bytes(CudaOperatorModels.Movement)],
        ["reductions", Bytes(CudaOperatorModels.Reductions)],
        ["quantized", (Func<byte[]>)CudaOperatorModels.Quantized],
    ];

    private static Func<byte[]> Bytes(Func<ModelBuilder> model) => () => model().ToBytes();

    [TestMethod]
    [DynamicData(nameof(Families))]
    public void FamilyCompilesToPtx(string family, Func<byte[]> model)
    {
        if (CudaPtxCheck.Unavailable() is { } why)
        {
            Assert.Inconclusive(why);
        }
        var plan = CudaPtxCheck.Plan(model());
        var entries = PtxCompiler.Entries(CudaPtxCheck.CompileToPtx(plan, family));
        var launchers = plan.Helpers().Where(h => h.Code().Contains("AIDGE_LAUNCH(", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(launchers, $"{family}: the plan launches no kernel");
        foreach (var helper in launchers)
        {
            Assert.IsTrue(entries.Any(e => e.Contains(helper.Name, StringComparison.Ordinal)), $"{family}: no kernel of {helper.Name} in the PTX (entries: {string.Join(", ", entries)})");
        }
    }
}
