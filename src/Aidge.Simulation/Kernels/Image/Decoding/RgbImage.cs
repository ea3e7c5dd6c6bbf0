namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>A decoded image: 8-bit RGB samples, row by row from the top, three bytes per pixel.</summary>
public sealed class RgbImage
{
    /// <summary>Large enough for any real photograph, small enough that a lying header cannot exhaust memory.</summary>
    public const long MaxPixels = 1L << 28;

    private RgbImage(int width, int height)
    {
        Width = width;
        Height = height;
        Pixels = new byte[(long)width * height * 3];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    /// <summary>
    /// Allocates a width x height image after checking the header's size: positive, within <see cref="MaxPixels"/>,
    /// and, when the format stores at least <paramref name="minBytesPerPixel"/> bytes per pixel uncompressed,
    /// not larger than the <paramref name="availableBytes"/> that could hold it.
    /// </summary>
    public static RgbImage Allocate(long width, long height, string format, double minBytesPerPixel = 0, long availableBytes = long.MaxValue)
    {
        if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new ArgumentException($"{format} image has an invalid size {width}x{height}.");
        }
        if (width * height > MaxPixels)
        {
            throw new ArgumentException($"{format} image of {width}x{height} pixels is larger than the {MaxPixels} pixels supported.");
        }
        if (width * height * minBytesPerPixel > availableBytes)
        {
            throw new ArgumentException($"{format} data is truncated: {width}x{height} pixels need more than the {availableBytes} bytes present.");
        }
        return new RgbImage((int)width, (int)height);
    }

    /// <summary>Writes one pixel, counting from the top-left.</summary>
    public void Set(int x, int y, byte red, byte green, byte blue)
    {
        long at = ((long)y * Width + x) * 3;
        Pixels[at] = red;
        Pixels[at + 1] = green;
        Pixels[at + 2] = blue;
    }
}
