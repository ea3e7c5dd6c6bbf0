using System.Globalization;
using System.Numerics;
using System.Text;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// aidge_hls_types.h's plain implementation (what the csim library computes with) against <see cref="FixedPointFormat"/>,
/// the C# statement of the ap_fixed / ap_int rules computed with big integers: conversions from doubles under every
/// quantization and overflow mode, full-precision sums and products with their result widths, requantization,
/// comparisons, and the wrapping integers. Every line must be equal: the types are exact, so there is no tolerance.
/// Built twice, as C++17 and as C++14 (Vitis HLS's default), with warnings as errors.
/// </summary>
[TestClass]
public sealed class HlsTypesTests
{
    private static readonly (string Tag, FixedPointFormat Format)[] Conversions =
    [
        ("c16_6", new(16, 6)), ("c8_3", new(8, 3)), ("c12_0", new(12, 0)), ("c10_12", new(10, 12)), ("c6_-2", new(6, -2)),
        ("c32_16", new(32, 16)), ("c48_20", new(48, 20)), ("c64_32", new(64, 32)), ("c2_1", new(2, 1)),
    ];

    private static readonly (string Tag, int W, int I)[] Arithmetic =
        [("a16_6", 16, 6), ("a8_3", 8, 3), ("a12_0", 12, 0), ("a10_12", 10, 12), ("a6_-2", 6, -2), ("a24_8", 24, 8)];

    private static readonly (FixedQuantization Q, FixedOverflow O)[] Modes =
    [
        (FixedQuantization.Trn, FixedOverflow.Sat), (FixedQuantization.TrnZero, FixedOverflow.Wrap),
        (FixedQuantization.Rnd, FixedOverflow.Sat), (FixedQuantization.RndZero, FixedOverflow.SatZero),
        (FixedQuantization.RndMinInf, FixedOverflow.SatSym), (FixedQuantization.RndInf, FixedOverflow.Wrap),
        (FixedQuantization.RndConv, FixedOverflow.Sat),
    ];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("c++17")]
    [DataRow("c++14")]
    public void PlainTypesFollowTheApFixedRulesExactly(string standard)
    {
        string? compiler = HlsCompilers.Cxx();
        if (compiler is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS types cannot be built.");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("aidge-hls-types-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "aidge_hls_types.h"), RuntimeSources.Read("Aidge.Export.Hls.Include.aidge_hls_types.h"));
            File.WriteAllText(Path.Combine(folder.FullName, "check.cpp"), HlsCompilers.Embedded("hls_types_check.cpp"));
            var build = CompilerRun.Run(compiler, [$"-std={standard}", "-O1", "-Wall", "-Wextra", "-Wpedantic", "-Wconversion", "-Werror", "-I.", "check.cpp", "-o", "check"], folder.FullName, TimeSpan.FromMinutes(3));
            Assert.IsTrue(build.Succeeded, $"The header does not build as {standard}: {build.Summary()}");

            var values = Values();
            var pairs = IntegerPairs();
            string actual = HlsCompilers.RunProgram(Path.Combine(folder.FullName, "check"), Input(values, pairs));
            string expected = Expected(values, pairs);
            AssertSameLines(expected, actual, values);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void ReferenceRoundsTiesAsEachModeSays()
    {
        // Hand-checked: fixed<8,3> has 5 fraction bits; 2.5/32 and -2.5/32 are ties between 2 and 3 (-3 and -2) units.
        double tie = 2.5 / 32;
        Assert.AreEqual(2, new FixedPointFormat(8, 3, FixedQuantization.Trn).Quantize(tie));
        Assert.AreEqual(-3, new FixedPointFormat(8, 3, FixedQuantization.Trn).Quantize(-tie));
        Assert.AreEqual(-2, new FixedPointFormat(8, 3, FixedQuantization.TrnZero).Quantize(-tie));
        Assert.AreEqual(3, new FixedPointFormat(8, 3, FixedQuantization.Rnd).Quantize(tie));
        Assert.AreEqual(-2, new FixedPointFormat(8, 3, FixedQuantization.Rnd).Quantize(-tie));
        Assert.AreEqual(2, new FixedPointFormat(8, 3, FixedQuantization.RndZero).Quantize(tie));
        Assert.AreEqual(-2, new FixedPointFormat(8, 3, FixedQuantization.RndZero).Quantize(-tie));
        Assert.AreEqual(-3, new FixedPointFormat(8, 3, FixedQuantization.RndInf).Quantize(-tie));
        Assert.AreEqual(2, new FixedPointFormat(8, 3, FixedQuantization.RndConv).Quantize(tie));
        Assert.AreEqual(4, new FixedPointFormat(8, 3, FixedQuantization.RndConv).Quantize(3.5 / 32));
        // 4.0 is 128 units: WRAP gives -128 (-4.0), SAT 127, SAT_SYM on -5.0 gives -127, SAT_ZERO 0.
        Assert.AreEqual(-128, new FixedPointFormat(8, 3).Quantize(4.0));
        Assert.AreEqual(127, new FixedPointFormat(8, 3, Overflow: FixedOverflow.Sat).Quantize(4.0));
        Assert.AreEqual(-127, new FixedPointFormat(8, 3, Overflow: FixedOverflow.SatSym).Quantize(-5.0));
        Assert.AreEqual(0, new FixedPointFormat(8, 3, Overflow: FixedOverflow.SatZero).Quantize(-5.0));
    }

    [TestMethod]
    [DataRow("fixed<16,6>", 16, 6, FixedQuantization.Trn, FixedOverflow.Wrap)]
    [DataRow(" ap_fixed< 8 , 3 , AP_RND , AP_SAT > ", 8, 3, FixedQuantization.Rnd, FixedOverflow.Sat)]
    [DataRow("fixed<12,-2,RND_MIN_INF>", 12, -2, FixedQuantization.RndMinInf, FixedOverflow.Wrap)]
    [DataRow("fixed(16,6)", 16, 6, FixedQuantization.Trn, FixedOverflow.Wrap)]
    [DataRow("ap_fixed(18,8,RND,SAT)", 18, 8, FixedQuantization.Rnd, FixedOverflow.Sat)]
    public void FormatsParse(string text, int width, int integer, FixedQuantization q, FixedOverflow o)
    {
        var format = FixedPointFormat.TryParse(text, out string? error);
        Assert.IsNull(error);
        Assert.AreEqual(new FixedPointFormat(width, integer, q, o), format);
        Assert.AreEqual(format, FixedPointFormat.TryParse(format!.ToString(), out _), "ToString reads back.");
    }

    [TestMethod]
    [DataRow("fixed<16>")]
    [DataRow("fixed<40,6>")]
    [DataRow("fixed<1,1>")]
    [DataRow("fixed<16,6,ROUND>")]
    [DataRow("fixed<16,6,RND,CLAMP>")]
    [DataRow("fixed(16,6>")]
    [DataRow("float")]
    public void MalformedFormatsAreRefused(string text)
    {
        Assert.IsNull(FixedPointFormat.TryParse(text, out string? error));
        StringAssert.Contains(error, text.Trim());
    }

    /// <summary>
    /// Doubles that exercise every rule: ties of each format's last place (and products that land on ties, paired with
    /// 1.0), values beyond each format's range and beyond 64 bits, subnormals, and random values of all magnitudes.
    /// </summary>
    private static List<double> Values()
    {
        var random = new Random(20261125);
        var values = new List<double>
        {
            0, -0.0, 1, -1, 0.5, -0.5, 31.999, -32, 32, 1e30, -1e30, 1e300, -1e300, double.Epsilon, -double.Epsilon, 1e-300,
            Math.ScaleB(1, 62), -Math.ScaleB(1, 62), Math.ScaleB(1, 63), -Math.ScaleB(1, 63), Math.ScaleB(1, 64), 4095.75, -4096.25,
        };
        foreach (int fraction in new[] { 10, 5, 0, 3, 2, -2, -12, 16, 28 })
        {
            for (int i = 0; i < 40; i++)
            {
                // (k + 1/2) units of 2^-fraction: exactly between two values of a format with that many fraction bits.
                values.Add(Math.ScaleB(random.Next(-3000, 3000) + 0.5, -fraction));
                values.Add(1.0);
            }
        }
        for (int i = 0; i < 1200; i++)
        {
            double mantissa = random.NextDouble() * (random.Next(2) == 0 ? 1 : -1);
            values.Add(Math.ScaleB(mantissa, random.Next(-40, 41)));
        }
        for (int i = 0; i < 400; i++)
        {
            values.Add((random.NextDouble() - 0.5) * 80);
        }
        return values;
    }

    private static List<(long N, long M)> IntegerPairs()
    {
        var random = new Random(5);
        var pairs = new List<(long, long)>
        {
            (0, 0), (127, 128), (-128, -129), (255, 256), (-1, 1), (int.MaxValue, int.MinValue), (int.MinValue, int.MaxValue),
            (long.MaxValue, long.MinValue), (2047, -2048), (100, -100),
        };
        for (int i = 0; i < 600; i++)
        {
            int bits = random.Next(1, 64);
            long n = random.NextInt64(long.MinValue, long.MaxValue) >> (64 - bits);
            long m = random.NextInt64(long.MinValue, long.MaxValue) >> (64 - random.Next(1, 64));
            pairs.Add((n, m));
        }
        return pairs;
    }

    private static string Input(List<double> values, List<(long N, long M)> pairs)
    {
        var text = new StringBuilder();
        text.Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (double value in values)
        {
            text.Append(BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append(pairs.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (n, m) in pairs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{n} {m}\n");
        }
        return text.ToString();
    }

    /// <summary>What the program must print, line for line, by FixedPointFormat and big-integer arithmetic.</summary>
    private static string Expected(List<double> values, List<(long N, long M)> pairs)
    {
        var lines = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            double x = values[i];
            double y = values[(i + 1) % values.Count];
            foreach (var (tag, format) in Conversions)
            {
                lines.Append(CultureInfo.InvariantCulture, $"{tag} {format.Quantize(x)}\n");
            }
            foreach (var (tag, w, integer) in Arithmetic)
            {
                lines.Append(ArithmeticLine(tag, new FixedPointFormat(w, integer), x, y));
            }
            var source = new FixedPointFormat(16, 6);
            foreach (var (q, o) in Modes)
            {
                long a = source.Quantize(x);
                long product = a * source.Quantize(y);
                var narrow = new FixedPointFormat(8, 3, q, o);
                var coarse = new FixedPointFormat(12, 9, q, o);
                lines.Append(CultureInfo.InvariantCulture,
                    $"m_{ModeName(q)}_{ModeName(o)} {narrow.FromScaled(product, 2 * source.FractionBits)} {narrow.Quantize(x)} {coarse.FromScaled(a, source.FractionBits)}\n");
            }
        }
        foreach (var (n, m) in pairs)
        {
            lines.Append(IntegerLine(n, m));
        }
        return lines.ToString();
    }

    private static string ArithmeticLine(string tag, FixedPointFormat format, double x, double y)
    {
        long a = format.Quantize(x);
        long b = format.Quantize(y);
        int f = format.FractionBits;
        // Same-format operands: the sum has one more integer bit and the same fraction, the product twice both.
        long product = a * b;
        long back = format.FromScaled(product, 2 * f);
        long accumulated = format.FromScaled(a + b, f);
        int mask = CompareMask(a.CompareTo(b));
        long doubleBits = BitConverter.DoubleToInt64Bits(format.ToDouble(a));
        // With a fixed<8,3> (5 fraction bits): both aligned to the finer fraction, then added or compared exactly.
        var other = new FixedPointFormat(8, 3);
        long c = other.Quantize(y);
        int fraction = Math.Max(f, other.FractionBits);
        var left = new BigInteger(a) << (fraction - f);
        var right = new BigInteger(c) << (fraction - other.FractionBits);
        return string.Create(CultureInfo.InvariantCulture,
            $"{tag} {a + b} {a - b} {product} {back} {accumulated} {-a} {mask} {doubleBits:x16} {format.Width + 1} {2 * format.Width} {2 * format.IntegerBits} {left + right} {CompareMask(left.CompareTo(right))}\n");
    }

    private static int CompareMask(int order) =>
        (order == 0 ? 1 : 0) | (order != 0 ? 2 : 0) | (order < 0 ? 4 : 0) | (order <= 0 ? 8 : 0) | (order > 0 ? 16 : 0) | (order >= 0 ? 32 : 0);

    private static string IntegerLine(long n, long m)
    {
        long a = Wrap(n, 8, true), b = Wrap(m, 8, true), u = Wrap(n, 7, false), v = Wrap(m, 8, false);
        long c = Wrap(n, 32, true), d = Wrap(m, 32, true), e = Wrap(n, 12, true);
        long product = a * b;
        long flags = (a < b ? 1 : 0) + (a == b ? 2 : 0) + (c >= d ? 4 : 0);
        // e << 3 keeps 12 bits; e >> 2 is the floor of e / 4 (arithmetic shift).
        return string.Create(CultureInfo.InvariantCulture,
            $"int {a} {u} {product} {a + v} {c + d} {c - d} {a * 1000} {Wrap(e * 8, 12, true)} {(long)Math.Floor(e / 4.0)} {-a} {Wrap(c + product, 32, true)} {flags} 16 10 33 40\n");
    }

    /// <summary>The low <paramref name="bits"/> bits of a value, read as signed or unsigned.</summary>
    private static long Wrap(BigInteger value, int bits, bool signed)
    {
        var modulus = BigInteger.One << bits;
        var low = ((value % modulus) + modulus) % modulus;
        return (long)(signed && low >= modulus / 2 ? low - modulus : low);
    }

    private static string ModeName<T>(T mode) where T : struct, Enum =>
        string.Concat(mode.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private void AssertSameLines(string expected, string actual, List<double> values)
    {
        var want = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var got = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(want.Length, got.Length, "The program printed a different number of checks.");
        int perValue = Conversions.Length + Arithmetic.Length + Modes.Length;
        var mismatches = new List<string>();
        for (int i = 0; i < want.Length; i++)
        {
            if (want[i] != got[i])
            {
                string input = i < values.Count * perValue
                    ? $"x = {values[i / perValue].ToString("R", CultureInfo.InvariantCulture)}, y = {values[(i / perValue + 1) % values.Count].ToString("R", CultureInfo.InvariantCulture)}"
                    : "integer pair";
                mismatches.Add($"{input}: expected '{want[i]}', got '{got[i]}'");
            }
        }
        TestContext.WriteLine($"{want.Length} checks compared.");
        Assert.AreEqual(0, mismatches.Count, string.Join(Environment.NewLine, mismatches.Take(12)));
    }
}
