namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>Recognizes an encoded image by its leading bytes and decodes the formats implemented here.</summary>
internal static class ImageFormats
{
    public const string Supported = "BMP, PNG, PNM and TIFF";

    /// <summary>The decoded image, or null with the name of the recognized but undecodable format.</summary>
    public static RgbImage? TryDecode(ReadOnlySpan<byte> data, out string formatName)
    {
        formatName = Name(data);
        return formatName switch
        {
            "BMP" => BmpDecoder.Decode(data),
            "PNG" => PngDecoder.Decode(data),
            "PNM" => PnmDecoder.Decode(data),
            "TIFF" => TiffDecoder.Decode(data),
            _ => null,
        };
    }

    private static string Name(ReadOnlySpan<byte> data)
    {
        if (BmpDecoder.Matches(data)) return "BMP";
        if (PngDecoder.Matches(data)) return "PNG";
        if (PnmDecoder.Matches(data)) return "PNM";
        if (TiffDecoder.Matches(data)) return "TIFF";
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG";
        if (data.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, (byte)'j', (byte)'P']) || data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51])) return "JPEG 2000";
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return "WebP";
        if (data.StartsWith("GIF8"u8)) return "GIF";
        return "unrecognized";
    }
}
