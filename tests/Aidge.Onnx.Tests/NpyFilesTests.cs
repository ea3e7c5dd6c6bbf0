using System.Text;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;

namespace Aidge.Onnx.Tests;

/// <summary>.npy files: the bytes numpy.save writes, the three header versions, every dtype read, and the files refused.</summary>
[TestClass]
public sealed class NpyFilesTests
{
    /// <summary>A .npy file laid out by hand from the format's specification: magic, version, header length, dict, padding, data.</summary>
    private static byte[] NpyBytes(byte major, string dict, byte[] data, int alignment = 64)
    {
        int lengthBytes = major == 1 ? 2 : 4;
        var encoding = major == 3 ? Encoding.UTF8 : Encoding.ASCII;
        int unpadded = 8 + lengthBytes + encoding.GetByteCount(dict) + 1;
        byte[] header = encoding.GetBytes(dict + new string(' ', alignment - unpadded % alignment) + "\n");
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        bytes.AddRange(major == 1 ? BitConverter.GetBytes((ushort)header.Length) : BitConverter.GetBytes((uint)header.Length));
        bytes.AddRange(header);
        bytes.AddRange(data);
        return [.. bytes];
    }

    private static byte[] Floats(params float[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    [TestMethod]
    public void ReadsAndWritesTheBytesNumpySaveWrites()
    {
        // np.save(f, np.arange(6, dtype=np.float32).reshape(2, 3)): a 128-byte header, as numpy aligns data to 64 bytes.
        byte[] file = NpyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", Floats(0, 1, 2, 3, 4, 5));
        Assert.HasCount(128 + 24, file);

        var tensor = NpyFiles.Read(file, "a.npy");

        Assert.AreEqual(DataType.Float, tensor.Type);
        CollectionAssert.AreEqual(new long[] { 2, 3 }, tensor.Dims);
        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4, 5 }, tensor.Span<float>().ToArray());
        CollectionAssert.AreEqual(file, NpyFiles.ToBytes(tensor));
    }

    [TestMethod]
    [DataRow((byte)2)]
    [DataRow((byte)3)]
    public void ReadsVersionTwoAndThreeHeaders(byte major)
    {
        byte[] file = NpyBytes(major, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", BitConverter.GetBytes(1.5).Concat(BitConverter.GetBytes(-2.0)).Concat(BitConverter.GetBytes(4.0)).ToArray());

        var tensor = NpyFiles.Read(file, "v.npy");

        Assert.AreEqual(DataType.Double, tensor.Type);
        CollectionAssert.AreEqual(new[] { 1.5, -2.0, 4.0 }, tensor.Span<double>().ToArray());
    }

    [TestMethod]
    public void ReadsAFileWrittenToDisk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"aidge-npy-{Guid.NewGuid():N}.npy");
        try
        {
            NpyFiles.Write(path, Tensor.FromArray(new long[] { 7, 8, 9, 10 }, 2, 2));
            var tensor = NpyFiles.Read(path);
            Assert.AreEqual(DataType.Int64, tensor.Type);
            CollectionAssert.AreEqual(new long[] { 7, 8, 9, 10 }, tensor.Span<long>().ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    [DataRow("<f4", DataType.Float)]
    [DataRow("<f8", DataType.Double)]
    [DataRow("|u1", DataType.UInt8)]
    [DataRow("|i1", DataType.Int8)]
    [DataRow("<i4", DataType.Int32)]
    [DataRow("<i8", DataType.Int64)]
    [DataRow("|b1", DataType.Bool)]
    public void ReadsEveryDtypeOfTheContract(string descr, DataType type)
    {
        // Four ones: little-endian integers, or the IEEE encodings of 1.
        byte[] one = type switch
        {
            DataType.Float => BitConverter.GetBytes(1f),
            DataType.Double => BitConverter.GetBytes(1.0),
            _ => [1, .. new byte[type.SizeOf() - 1]],
        };
        var data = Enumerable.Repeat(one, 4).SelectMany(b => b).ToArray();
        byte[] file = NpyBytes(1, $"{{'descr': '{descr}', 'fortran_order': False, 'shape': (4,), }}", data);

        var tensor = NpyFiles.Read(file, "t.npy");

        Assert.AreEqual(type, tensor.Type);
        Assert.AreEqual(4, tensor.Length);
        Assert.AreEqual(1.0, tensor.GetDouble(3));
        CollectionAssert.AreEqual(file, NpyFiles.ToBytes(tensor), "the writer writes the same descr back");
    }

    [TestMethod]
    public void ReadsScalarsAndOldStyleHeaders()
    {
        var scalar = NpyFiles.Read(NpyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", Floats(2.5f)), "s.npy");
        Assert.AreEqual(0, scalar.Rank);
        Assert.AreEqual(2.5f, scalar.Span<float>()[0]);

        // Python 2's numpy wrote longs with an L and aligned to 16 bytes; a Fortran-order vector is laid out as a C one.
        var old = NpyBytes(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2L,), }", Floats(1, 2), alignment: 16);
        CollectionAssert.AreEqual(new float[] { 1, 2 }, NpyFiles.Read(old, "old.npy").Span<float>().ToArray());
    }

    [TestMethod]
    [DataRow("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16, "Fortran-order")]
    [DataRow("{'descr': '>f4', 'fortran_order': False, 'shape': (4,), }", 16, "'>f4' is not supported")]
    [DataRow("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16, "'<c8' is not supported")]
    [DataRow("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (4,), }", 16, "structured dtype")]
    [DataRow("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", 16, "holds 16")]
    [DataRow("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), ", 16, "header that cannot be read")]
    public void RefusesWhatItCannotReadNamingTheFile(string dict, int dataBytes, string expected)
    {
        var error = Assert.ThrowsExactly<AidgeException>(() => NpyFiles.Read(NpyBytes(1, dict, new byte[dataBytes]), "/data/calib.npy"));

        Assert.AreEqual(DiagnosticCodes.DataFileInvalid, error.Diagnostic.Code);
        Assert.AreEqual("/data/calib.npy", error.Diagnostic.File);
        StringAssert.Contains(error.Diagnostic.Message, "/data/calib.npy");
        StringAssert.Contains(error.Diagnostic.Message, expected);
    }

    [TestMethod]
    public void RefusesFilesThatAreNotNpy()
    {
        var notNpy = Assert.ThrowsExactly<AidgeException>(() => NpyFiles.Read(Encoding.ASCII.GetBytes("PK\u0003\u0004 an npz archive"), "d.npz"));
        StringAssert.Contains(notNpy.Diagnostic.Message, "not a NumPy .npy file");

        var truncated = NpyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", Floats(1, 2))[..40];
        StringAssert.Contains(Assert.ThrowsExactly<AidgeException>(() => NpyFiles.Read(truncated, "t.npy")).Diagnostic.Message, "truncated");

        var missing = Assert.ThrowsExactly<AidgeException>(() => NpyFiles.Read("/no/such/file.npy"));
        Assert.AreEqual(DiagnosticCodes.DataFileInvalid, missing.Diagnostic.Code);
    }
}
