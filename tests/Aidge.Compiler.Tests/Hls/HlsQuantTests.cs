using System.Globalization;
using System.Text;
using Aidge.Core.Operators.Aidge;
using Aidge.Export.Plan;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// aidge_hls_quant.h (the integer arithmetic of the HLS int8 layers) against Aidge.Core's Requantization, which the
/// simulator runs: requantization of accumulators over the whole int32 range with multipliers and shifts at their
/// limits, QuantizeLinear on ties, saturation and NaN, DequantizeLinear of the result. Every value must be equal.
/// </summary>
[TestClass]
public sealed class HlsQuantTests
{
    [TestMethod]
    public void QuantizedArithmeticMatchesTheSimulatorExactly()
    {
        string? compiler = HlsCompilers.Cxx();
        if (compiler is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS quantization header cannot be built.");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("aidge-hls-quant-");
        try
        {
            foreach (string header in new[] { "aidge_hls_types.h", "aidge_hls_quant.h" })
            {
                File.WriteAllText(Path.Combine(folder.FullName, header), RuntimeSources.Read($"Aidge.Export.Hls.Include.{header}"));
            }
            File.WriteAllText(Path.Combine(folder.FullName, "check.cpp"), HlsCompilers.Embedded("hls_quant_check.cpp"));
            var build = CompilerRun.Run(compiler, ["-std=c++14", "-O1", "-Wall", "-Wextra", "-Werror", "-I.", "check.cpp", "-o", "check"], folder.FullName, TimeSpan.FromMinutes(3));
            Assert.IsTrue(build.Succeeded, build.Summary());

            var random = new Random(8);
            var requantize = new List<(int Acc, int Multiplier, int N, int ZeroPoint, int Lo, int Hi)>();
            int[] accumulators = [0, 1, -1, int.MaxValue, int.MinValue, 1 << 20, -(1 << 20)];
            for (int i = 0; i < 3000; i++)
            {
                int acc = i < accumulators.Length * 4 ? accumulators[i % accumulators.Length] : random.Next(int.MinValue, int.MaxValue) >> random.Next(0, 31);
                int multiplier = i % 5 == 0 ? (int)(Requantization.MultiplierLimit - 1) : i % 7 == 0 ? (int)Requantization.MinMultiplier : random.Next((int)Requantization.MinMultiplier, int.MaxValue);
                int n = i % 11 == 0 ? Requantization.MaxTotalShift : random.Next(Requantization.MinTotalShift, Requantization.MaxTotalShift + 1);
                bool unsigned8 = random.Next(2) == 0;
                var (lo, hi) = unsigned8 ? (0, 255) : (-128, 127);
                int zeroPoint = random.Next(lo, hi + 1);
                requantize.Add((acc, multiplier, n, zeroPoint, unsigned8 ? random.Next(0, 128) : lo, hi));
            }
            var quantize = new List<(float X, float Scale, int ZeroPoint, int Lo, int Hi)>();
            for (int i = 0; i < 3000; i++)
            {
                float scale = (float)Math.ScaleB(1 + random.NextDouble(), random.Next(-12, 2));
                // Exact ties (k + 1/2)·scale, values far out of range, NaN, and ordinary values.
                float x = (i % 4) switch
                {
                    0 => (random.Next(-300, 300) + 0.5f) * scale,
                    1 => (float)(random.NextDouble() - 0.5) * 1e6f,
                    2 when i % 40 == 2 => float.NaN,
                    _ => (float)(random.NextDouble() - 0.5) * 300 * scale,
                };
                bool unsigned8 = random.Next(2) == 0;
                var (lo, hi) = unsigned8 ? (0, 255) : (-128, 127);
                quantize.Add((x, scale, random.Next(lo, hi + 1), lo, hi));
            }

            var input = new StringBuilder();
            input.Append(CultureInfo.InvariantCulture, $"{requantize.Count}\n");
            foreach (var r in requantize)
            {
                input.Append(CultureInfo.InvariantCulture, $"{r.Acc} {r.Multiplier} {r.N} {r.ZeroPoint} {r.Lo} {r.Hi}\n");
            }
            input.Append(CultureInfo.InvariantCulture, $"{quantize.Count}\n");
            foreach (var q in quantize)
            {
                input.Append(CultureInfo.InvariantCulture, $"{BitConverter.SingleToUInt32Bits(q.X):x8} {BitConverter.SingleToUInt32Bits(q.Scale):x8} {q.ZeroPoint} {q.Lo} {q.Hi}\n");
            }
            var lines = HlsCompilers.RunProgram(Path.Combine(folder.FullName, "check"), input.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual(requantize.Count + quantize.Count, lines.Length);
            var mismatches = new List<string>();
            for (int i = 0; i < requantize.Count; i++)
            {
                var r = requantize[i];
                int expected = Requantization.Requantize(r.Acc, r.Multiplier, r.N - 31, r.ZeroPoint, r.Lo, r.Hi);
                if (lines[i] != expected.ToString(CultureInfo.InvariantCulture))
                {
                    mismatches.Add($"requantize {r}: expected {expected}, got {lines[i]}");
                }
            }
            for (int i = 0; i < quantize.Count; i++)
            {
                var q = quantize[i];
                int value = Requantization.Quantize(q.X, q.Scale, q.ZeroPoint, q.Lo, q.Hi);
                float back = (float)(value - q.ZeroPoint) * q.Scale;
                string expected = string.Create(CultureInfo.InvariantCulture, $"{value} {BitConverter.SingleToUInt32Bits(back):x8}");
                if (lines[requantize.Count + i] != expected)
                {
                    mismatches.Add($"quantize {q}: expected {expected}, got {lines[requantize.Count + i]}");
                }
            }
            Assert.AreEqual(0, mismatches.Count, string.Join(Environment.NewLine, mismatches.Take(12)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
