using Aidge.Core.Operators.Aidge;
using Aidge.Export.Toolchain;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>
/// FusedConv and FusedGemm through the OpenMP target against the simulator, for every activation on every kernel
/// path that stores outputs: the GEMM convolution (with two blocks of k, so the activation must wait for the last),
/// grouped and strided; the depthwise convolution; the blocked GEMM (transB, alpha, beta, two blocks of k); the
/// direct GEMM, both as dot products (transB) and as axpy rows.
/// </summary>
[TestClass]
public sealed class FusedOperatorExportTests
{
    private static readonly (string Name, float[] Parameters)[] Activations =
    [
        ("Relu", []),
        ("Clip", [-0.5f, 0.7f]),
        ("LeakyRelu", [0.1f]),
        ("Sigmoid", []),
        ("HardSigmoid", [0.3f, 0.4f]),
        ("HardSwish", []),
        ("Swish", []),
        ("Tanh", []),
    ];

    [TestMethod]
    public void EveryActivationOnEveryKernelPathAgreesWithTheSimulator()
    {
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the generated library cannot be built.");
        }
        var builder = Model();
        var expected = new SimulatorModel(builder.ToBytes()).Run(builder.Feeds);
        var folder = Directory.CreateTempSubdirectory("aidge-fused-");
        try
        {
            string path = Path.Combine(folder.FullName, "fused.onnx");
            File.WriteAllBytes(path, builder.ToBytes());
            var library = GeneratedLibrary.Compile(path, Path.Combine(folder.FullName, "out"));
            string source = File.ReadAllText(Directory.GetFiles(Path.Combine(folder.FullName, "out", "native"), "*.c").Single());
            foreach (string constant in new[] { "RELU", "CLIP", "LEAKY_RELU", "SIGMOID", "HARD_SIGMOID", "HARD_SWISH", "SWISH", "TANH" })
            {
                StringAssert.Contains(source, $"AIDGE_ACT_{constant}, ");
            }

            using var native = new NativeModel(library.Path, library.Prefix);
            int input = 0;
            foreach (var feed in builder.Feeds.Values)
            {
                feed.Span<float>().CopyTo(native.Input(input++));
            }
            foreach (int threads in new[] { 1, 3 })
            {
                native.SetThreads(threads);
                native.Run();
                var outputs = builder.ToProto().Graph.Output;
                for (int i = 0; i < expected.Count; i++)
                {
                    AssertClose(expected[i].Span<float>(), native.Output(i), $"{outputs[i].Name} on {threads} threads");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Five fused nodes per activation, each its own graph output.</summary>
    private static ModelBuilder Model()
    {
        var b = new ModelBuilder(opset: 17)
            .Input("x", 2, 32, 11, 13)
            .Input("a", 13, 300)
            .Input("r", 1, 300)
            .RandomInitializer("gemm_w", 0.1f, 70, 300)
            .RandomInitializer("gemm_wt", 0.1f, 300, 70)
            .RandomInitializer("gemm_c", 0.5f, 70);
        for (int i = 0; i < Activations.Length; i++)
        {
            var (name, parameters) = Activations[i];
            (string, object)[] activation = parameters.Length == 0
                ? [(FusedActivation.ActivationAttribute, name)]
                : [(FusedActivation.ActivationAttribute, name), (FusedActivation.ParametersAttribute, parameters)];
            // Group 1 sums 32·9 = 288 products (two blocks of 256), group 2 sums 144; strides and asymmetric pads vary.
            long group = i % 2 + 1;
            long stride = i % 3 == 0 ? 2 : 1;
            string w = $"conv_w{i}", bias = $"conv_b{i}", dw = $"dw_w{i}", dwBias = $"dw_b{i}";
            b.RandomInitializer(w, MathF.Sqrt(3f / (32 / group * 9)), 14, 32 / group, 3, 3).RandomInitializer(bias, 0.3f, 14)
                .RandomInitializer(dw, MathF.Sqrt(3f / 9), 32, 1, 3, 3).RandomInitializer(dwBias, 0.3f, 32);
            Fused(b, "FusedConv", [$"x", w, bias], $"conv_{name}",
                [("group", group), ("strides", new[] { stride, stride }), ("pads", new long[] { 1, 0, 1, 2 }), .. activation]);
            Fused(b, "FusedConv", ["x", dw, dwBias], $"depthwise_{name}",
                [("group", 32L), ("strides", new[] { 3 - stride, 1L }), ("pads", new long[] { 1, 1, 1, 1 }), ("dilations", new[] { 1L, 2L }), .. activation]);
            Fused(b, "FusedGemm", ["a", "gemm_w", "gemm_c"], $"gemm_blocked_{name}", [("transB", 1L), ("alpha", 0.5f), ("beta", 2f), .. activation]);
            Fused(b, "FusedGemm", ["r", "gemm_w", "gemm_c"], $"gemm_dot_{name}", [("transB", 1L), .. activation]);
            Fused(b, "FusedGemm", ["r", "gemm_wt"], $"gemm_rows_{name}", activation);
        }
        return b;
    }

    private static void Fused(ModelBuilder b, string opType, string[] inputs, string output, (string, object)[] attributes) =>
        b.DomainNode(AidgeDomain.Name, AidgeDomain.Version, opType, inputs, [output], attributes).Output(output);

    /// <summary>Within the rounding of sums of a few hundred products, which the C code contracts into FMAs.</summary>
    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.AreEqual(expected.Length, actual.Length, what);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.IsTrue(Math.Abs(expected[i] - actual[i]) <= 1e-5 + 1e-5 * Math.Abs(expected[i]), $"{what}[{i}]: simulator {expected[i]}, native {actual[i]}");
        }
    }
}
