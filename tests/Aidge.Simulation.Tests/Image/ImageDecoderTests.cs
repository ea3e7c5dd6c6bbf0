using System.Buffers.Binary;
using System.IO.Compression;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using static Aidge.Simulation.Tests.Elementwise.SingleNode;

namespace Aidge.Simulation.Tests.Image;

[TestClass]
public sealed class ImageDecoderTests
{
    // A 2x2 image: red, green on the top row; blue, white below.
    private static readonly byte[] ExpectedRgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255];

    [TestMethod]
    public void DecodesBottomUpBmpWithPaddedRows()
    {
        var decoded = Decode(Bmp());

        CollectionAssert.AreEqual(new long[] { 2, 2, 3 }, decoded.Dims);
        CollectionAssert.AreEqual(ExpectedRgb, decoded.Span<byte>().ToArray());
    }

    [TestMethod]
    public void DecodesFilteredPngInEveryPixelFormat()
    {
        var png = Png();

        var rgb = Decode(png);
        var bgr = Decode(png, NodeAttribute.Of("pixel_format", "BGR"));
        var gray = Decode(png, NodeAttribute.Of("pixel_format", "Grayscale"));

        CollectionAssert.AreEqual(ExpectedRgb, rgb.Span<byte>().ToArray());
        CollectionAssert.AreEqual(new byte[] { 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255 }, bgr.Span<byte>().ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 2, 1 }, gray.Dims);
        CollectionAssert.AreEqual(new byte[] { 76, 150, 29, 255 }, gray.Span<byte>().ToArray());
    }

    [TestMethod]
    public void TruncatedImagesAreKernelFailures()
    {
        var bmp = Bmp();
        var png = Png();

        Assert.AreEqual(DiagnosticCodes.KernelFailed, Failure(bmp[..^4]));
        Assert.AreEqual(DiagnosticCodes.KernelFailed, Failure(png[..^20]));
    }

    [TestMethod]
    public void JpegIsReportedAsUnsupported()
    {
        Assert.AreEqual(DiagnosticCodes.UnsupportedOperator, Failure([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
    }

    private static Tensor Decode(byte[] encoded, params NodeAttribute[] attributes) =>
        Run("ImageDecoder", 20, [Tensor.FromSpan<byte>(DataType.UInt8, [encoded.Length], encoded)], attributes);

    private static string Failure(byte[] encoded) =>
        Assert.ThrowsExactly<AidgeException>(() => Decode(encoded)).Diagnostic.Code;

    /// <summary>24-bit BMP: 14-byte file header, 40-byte info header, BGR rows bottom-up padded to 8 bytes.</summary>
    private static byte[] Bmp()
    {
        var file = new byte[54 + 16];
        "BM"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), 2);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), 24);
        byte[] bottomRow = [255, 0, 0, 255, 255, 255, 0, 0];
        byte[] topRow = [0, 0, 255, 0, 255, 0, 0, 0];
        bottomRow.CopyTo(file, 54);
        topRow.CopyTo(file, 62);
        return file;
    }

    /// <summary>8-bit RGB PNG whose first row uses the Sub filter and second the Up filter (CRCs are not checked).</summary>
    private static byte[] Png()
    {
        byte[] rows =
        [
            1, 255, 0, 0, 1, 255, 0,         // Sub: green = red pixel + (1, 255, 0), modulo 256
            2, 1, 0, 255, 255, 0, 255,       // Up: blue and white as differences from red and green above
        ];
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows);
        }
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        byte[] header = [0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0];
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, compressed.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, byte[] body)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        png.Write(type);
        png.Write(body);
        png.Write(stackalloc byte[4]);
    }
}
