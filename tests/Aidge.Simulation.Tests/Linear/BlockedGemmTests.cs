using Aidge.Simulation.Kernels.Linear;

namespace Aidge.Simulation.Tests.Linear;

/// <summary>
/// The blocked GEMM against a plain triple loop in double: sizes off every tile and block edge (6-row tiles,
/// 2-vector columns, 96-row, 256-deep and 768-column blocks), each transpose, padded leading dimensions, alpha
/// and beta, and the thin (few rows / one column) path.
/// </summary>
[TestClass]
public sealed class BlockedGemmTests
{
    [TestMethod]
    [DataRow(1, 1, 1)]
    [DataRow(5, 7, 3)]
    [DataRow(6, 16, 8)]
    [DataRow(7, 17, 9)]
    [DataRow(13, 33, 31)]
    [DataRow(64, 100, 576)]
    [DataRow(97, 61, 257)]
    [DataRow(100, 800, 300)]
    [DataRow(3, 50, 40)]
    [DataRow(40, 1, 70)]
    [DataRow(12, 20, 0)]
    public void FloatMatchesReferenceForEveryTranspose(int m, int n, int k)
    {
        var random = new Random(m * 1000 + n * 10 + k);
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                var problem = Problem.Random(random, m, n, k, transA, transB, alpha: 0.75, beta: 0.5);
                var c = problem.C.Select(v => (float)v).ToArray();
                BlockedGemm.Multiply(m, n, k, problem.A.Select(v => (float)v).ToArray(), problem.Lda, transA,
                    problem.B.Select(v => (float)v).ToArray(), problem.Ldb, transB, c, problem.Ldc, 0.75f, 0.5f);
                problem.AssertMatches(c.Select(v => (double)v).ToArray(), tolerance: 1e-4 * Math.Sqrt(k + 1), $"float transA={transA} transB={transB}");
            }
        }
    }

    [TestMethod]
    [DataRow(7, 19, 11)]
    [DataRow(100, 70, 300)]
    [DataRow(2, 33, 20)]
    public void DoubleMatchesReference(int m, int n, int k)
    {
        var random = new Random(k);
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                var problem = Problem.Random(random, m, n, k, transA, transB, alpha: -1.25, beta: 2);
                var c = (double[])problem.C.Clone();
                BlockedGemm.Multiply(m, n, k, problem.A, problem.Lda, transA, problem.B, problem.Ldb, transB, c, problem.Ldc, -1.25, 2);
                problem.AssertMatches(c, tolerance: 1e-10, $"double transA={transA} transB={transB}");
            }
        }
    }

    [TestMethod]
    public void ZeroBetaIgnoresWhateverCHeld()
    {
        var c = Enumerable.Repeat(float.NaN, 9 * 20).ToArray();
        var a = Enumerable.Repeat(1f, 9 * 4).ToArray();
        var b = Enumerable.Repeat(2f, 4 * 20).ToArray();

        BlockedGemm.Multiply(9, 20, 4, a, 4, false, b, 20, false, c, 20);

        Assert.IsTrue(c.All(v => v == 8f));
    }

    [TestMethod]
    public void ShortOperandIsRejected()
    {
        var a = new float[5];
        var b = new float[6];
        var c = new float[6];

        Assert.ThrowsExactly<ArgumentException>(() => BlockedGemm.Multiply(2, 3, 3, a, 3, false, b, 3, false, c, 3));
    }

    /// <summary>A random problem with leading dimensions padded past the matrix width, and its double-precision answer.</summary>
    private sealed record Problem(int M, int N, int K, double[] A, int Lda, double[] B, int Ldb, double[] C, int Ldc, double[] Expected)
    {
        public static Problem Random(Random random, int m, int n, int k, bool transA, bool transB, double alpha, double beta)
        {
            int lda = (transA ? m : k) + random.Next(3);
            int ldb = (transB ? k : n) + random.Next(3);
            int ldc = n + random.Next(3);
            var a = Values(random, (transA ? k : m) * lda);
            var b = Values(random, (transB ? n : k) * ldb);
            var c = Values(random, m * ldc);
            var expected = new double[m * n];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = 0;
                    for (int p = 0; p < k; p++)
                    {
                        sum += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
                    }
                    expected[i * n + j] = alpha * sum + beta * c[i * ldc + j];
                }
            }
            return new Problem(m, n, k, a, lda, b, ldb, c, ldc, expected);
        }

        public void AssertMatches(double[] actual, double tolerance, string label)
        {
            for (int i = 0; i < M; i++)
            {
                for (int j = 0; j < N; j++)
                {
                    double error = Math.Abs(actual[i * Ldc + j] - Expected[i * N + j]);
                    Assert.IsLessThanOrEqualTo(tolerance, error, $"{label}: C[{i},{j}] of {M}x{N}x{K}");
                }
            }
        }

        /// <summary>Values exactly representable in float, so the float and double runs start from the same numbers.</summary>
        private static double[] Values(Random random, int count) =>
            Enumerable.Range(0, count).Select(_ => (double)(float)(random.NextDouble() - 0.5)).ToArray();
    }
}
