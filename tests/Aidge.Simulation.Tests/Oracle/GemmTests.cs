using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>Gemm against ONNX Runtime: Y = alpha·op(A)·op(B) + beta·C, with each transpose and every way C broadcasts.</summary>
[TestClass]
public sealed class GemmTests
{
    private const long M = 3, K = 5, N = 4;

    /// <summary><paramref name="c"/> is the dims of C ("" a scalar), or null for no C.</summary>
    [TestMethod]
    [DataRow(false, false, 1f, 1f, "3,4")]
    [DataRow(true, false, 1f, 1f, "3,4")]
    [DataRow(false, true, 1f, 1f, "3,4")]
    [DataRow(true, true, 1f, 1f, "3,4")]
    [DataRow(false, false, 0.5f, 2f, "4")]
    [DataRow(false, true, 1.5f, 0.25f, "1,4")]
    [DataRow(true, false, 1f, -1f, "3,1")]
    [DataRow(true, true, -1f, 1f, "1")]
    [DataRow(false, false, 1f, 3f, "")]
    [DataRow(true, true, 2f, 0.5f, null)]
    [DataRow(false, false, 1f, 0f, "3,4")]
    public void GemmMatchesOnnxRuntime(bool transA, bool transB, float alpha, float beta, string? c)
    {
        var model = new ModelBuilder()
            .Input("A", transA ? [K, M] : [M, K])
            .RandomInitializer("B", 1f, transB ? [N, K] : [K, N]);
        string[] inputs = ["A", "B"];
        if (c is not null)
        {
            model.RandomInitializer("C", 1f, CaseText.Dims(c));
            inputs = [.. inputs, "C"];
        }
        model.Node("Gemm", inputs, ["Y"], ("transA", transA ? 1 : 0), ("transB", transB ? 1 : 0), ("alpha", alpha), ("beta", beta))
            .Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }
}
