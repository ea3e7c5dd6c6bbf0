using System.Buffers.Binary;
using System.Text;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;

namespace Aidge.Onnx;

/// <summary>
/// NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0), the way sample and calibration data usually leaves
/// Python (<c>np.save</c>): a magic string, the version, the header length (2 bytes in 1.0, 4 bytes after), a dict
/// literal giving dtype, order and shape, then the raw elements. Only C-order arrays of little-endian numbers and
/// bools are read; every other file is reported as AIDGE3013 naming the file and what to do.
/// </summary>
public static class NpyFiles
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>NumPy aligns the data to 64 bytes, so that a memory-mapped array is aligned for any dtype.</summary>
    private const int Alignment = 64;

    public static Tensor Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or OutOfMemoryException)
        {
            throw Invalid(path, $"cannot be read: {e.Message}");
        }
        return Read(bytes, path);
    }

    /// <summary>Parses the bytes of a .npy file; <paramref name="path"/> is named in errors.</summary>
    public static Tensor Read(byte[] bytes, string path)
    {
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Invalid(path, "is not a NumPy .npy file (it does not start with \\x93NUMPY); save the array with numpy.save");
        }
        byte major = bytes[6];
        if (major is < 1 or > 3)
        {
            throw Invalid(path, $"has .npy format version {major}.{bytes[7]}; versions 1.0 to 3.0 are read");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : bytes.Length >= 12 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)) : long.MaxValue;
        long dataStart = 8 + lengthBytes + headerLength;
        if (dataStart > bytes.Length)
        {
            throw Invalid(path, "is truncated inside its header");
        }
        // Version 3.0 only differs by allowing UTF-8 in the header (field names of structured dtypes).
        var encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        NpyHeader header;
        try
        {
            header = NpyHeader.Parse(encoding.GetString(bytes, 8 + lengthBytes, (int)headerLength));
        }
        catch (FormatException e)
        {
            throw Invalid(path, $"has a header that cannot be read: {e.Message}");
        }
        if (header.FortranOrder && header.Dims.Count(d => d != 1) > 1)
        {
            throw Invalid(path, "holds a Fortran-order array; save numpy.ascontiguousarray(array) instead");
        }
        long expected;
        try
        {
            expected = checked(Tensor.ElementCountOf(header.Dims) * header.Type.SizeOf());
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw Invalid(path, $"declares the shape ({string.Join(", ", header.Dims)}), which is too large");
        }
        long actual = bytes.Length - dataStart;
        if (actual != expected || expected > Tensor.MaxBytes)
        {
            throw Invalid(path, $"declares {header.Type.OnnxName()} ({string.Join(", ", header.Dims)}), {expected} bytes of data, but holds {actual}; the file is truncated or corrupt");
        }
        return Tensor.FromBytes(header.Type, header.Dims, bytes.AsMemory((int)dataStart));
    }

    /// <summary>The bytes of a .npy file holding the tensor (format 1.0, or 2.0 when the header needs it), as numpy.save writes them.</summary>
    public static byte[] ToBytes(Tensor tensor)
    {
        if (tensor.Type == DataType.String || tensor.Type == DataType.BFloat16)
        {
            throw new ArgumentException($"A {tensor.Type.OnnxName()} tensor has no .npy dtype.");
        }
        string dict = new NpyHeader(tensor.Type, false, tensor.Dims).Format();
        int lengthBytes = dict.Length + 1 + Alignment > ushort.MaxValue ? 4 : 2;
        int prefix = 8 + lengthBytes;
        // As numpy: spaces, then the newline, up to the next multiple of the alignment (a whole line of it when already aligned).
        int padded = prefix + dict.Length + 1 + Alignment - ((prefix + dict.Length + 1) % Alignment);
        string text = dict.PadRight(padded - prefix - 1) + "\n";
        var output = new byte[padded + tensor.Bytes.Length];
        Magic.CopyTo(output, 0);
        output[6] = (byte)(lengthBytes == 2 ? 1 : 2);
        if (lengthBytes == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(8), (ushort)text.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(8), (uint)text.Length);
        }
        Encoding.Latin1.GetBytes(text, output.AsSpan(prefix));
        tensor.Bytes.Span.CopyTo(output.AsSpan(padded));
        return output;
    }

    public static void Write(string path, Tensor tensor) => File.WriteAllBytes(path, ToBytes(tensor));

    private static AidgeException Invalid(string path, string problem) =>
        new(DiagnosticCodes.DataFileInvalid, $"The data file {path} {problem}.", path);
}
