namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>
/// Netpbm images: P6 / P5 (binary colour / gray) and P3 / P2 (the same in ASCII). Samples above 255
/// (maxval up to 65535, two big-endian bytes in binary files) are scaled to 8 bits with rounding.
/// </summary>
internal static class PnmDecoder
{
    private const string Format = "PNM";

    public static bool Matches(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && data[0] == 'P' && data[1] is (byte)'2' or (byte)'3' or (byte)'5' or (byte)'6';

    public static RgbImage Decode(ReadOnlySpan<byte> data)
    {
        bool color = data[1] is (byte)'3' or (byte)'6';
        bool binary = data[1] is (byte)'5' or (byte)'6';
        int position = 2;
        long width = ReadNumber(data, ref position);
        long height = ReadNumber(data, ref position);
        long maxValue = ReadNumber(data, ref position);
        if (maxValue is < 1 or > 65535)
        {
            throw new ArgumentException($"PNM maxval {maxValue} is outside 1..65535.");
        }
        int channels = color ? 3 : 1;
        int sampleBytes = maxValue > 255 ? 2 : 1;
        // Binary samples follow exactly one whitespace byte; ASCII samples need at least two bytes each.
        position++;
        double minBytesPerPixel = binary ? channels * sampleBytes : channels * 2 - 1;
        var image = RgbImage.Allocate(width, height, Format, minBytesPerPixel, data.Length - (long)position + 1);
        Span<byte> sample = stackalloc byte[3];
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    long value = binary ? ReadBinary(data, ref position, sampleBytes) : ReadNumber(data, ref position);
                    if (value > maxValue)
                    {
                        throw new ArgumentException($"PNM sample {value} exceeds maxval {maxValue}.");
                    }
                    sample[c] = (byte)(maxValue == 255 ? value : (value * 255 + maxValue / 2) / maxValue);
                }
                image.Set(x, y, sample[0], color ? sample[1] : sample[0], color ? sample[2] : sample[0]);
            }
        }
        return image;
    }

    private static long ReadBinary(ReadOnlySpan<byte> data, ref int position, int sampleBytes)
    {
        var bytes = ByteFields.Slice(data, position, sampleBytes, Format);
        position += sampleBytes;
        return sampleBytes == 1 ? bytes[0] : (bytes[0] << 8) | bytes[1];
    }

    /// <summary>Reads a decimal number, skipping whitespace and '#' comments before it; leaves position on the byte after it.</summary>
    private static long ReadNumber(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length && (IsWhitespace(data[position]) || data[position] == '#'))
        {
            if (data[position] == '#')
            {
                while (position < data.Length && data[position] != '\n' && data[position] != '\r')
                {
                    position++;
                }
            }
            else
            {
                position++;
            }
        }
        long value = 0;
        int start = position;
        while (position < data.Length && data[position] is >= (byte)'0' and <= (byte)'9')
        {
            value = value * 10 + (data[position] - '0');
            if (value > int.MaxValue)
            {
                throw new ArgumentException("PNM header holds a number too large for an image.");
            }
            position++;
        }
        if (position == start)
        {
            throw new ArgumentException($"PNM data is truncated or malformed: expected a number at offset {start}.");
        }
        return value;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
