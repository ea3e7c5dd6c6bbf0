using Aidge.Core.Diagnostics;

namespace Aidge.Onnx.Tests;

/// <summary>
/// Corrupted real models (seeded bit flips, overwritten bytes, truncations) either load or fail with an
/// <see cref="AidgeException"/>: never another exception type, never a hang. Import includes shape inference,
/// so inference functions are exercised on nonsense too.
/// </summary>
[TestClass]
public sealed class MutationTests
{
    private const int MutationsPerModel = 300;

    [TestMethod]
    [DataRow("node/test_conv_with_strides_padding")]
    [DataRow("node/test_loop11")]
    [DataRow("node/test_if_seq")]
    [DataRow("node/test_lstm_with_peepholes")]
    [DataRow("node/test_resize_downsample_scales_linear")]
    [DataRow("pytorch-converted/test_ConvTranspose2d")]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void CorruptedModelsFailWithDiagnostics(string modelCase)
    {
        byte[] original = File.ReadAllBytes(Path.Combine(ConformanceData.Root(), modelCase, "model.onnx"));
        var random = new Random(modelCase.Length * 7919);
        for (int i = 0; i < MutationsPerModel; i++)
        {
            byte[] mutated = Mutate(original, random);
            try
            {
                using var stream = new MemoryStream(mutated);
                ModelReader.Load(stream, baseDirectory: null, fileName: "mutated.onnx");
            }
            catch (AidgeException e)
            {
                Assert.AreEqual("mutated.onnx", e.Diagnostic.File, $"mutation {i}: {e.Message}");
            }
            catch (Exception e)
            {
                Assert.Fail($"{modelCase}, mutation {i}: {e.GetType().Name} escaped: {e.Message}");
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(3))
        {
            case 0:
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }
                return bytes;
            case 1:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            default:
                return bytes[..random.Next(bytes.Length)];
        }
    }
}
