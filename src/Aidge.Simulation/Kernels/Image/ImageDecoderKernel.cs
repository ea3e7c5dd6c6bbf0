using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Image.Decoding;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Image;

/// <summary>
/// ImageDecoder: decodes BMP, PNG, PNM or TIFF bytes into uint8 [height, width, channels] in the requested
/// pixel_format. Other formats (JPEG, JPEG 2000, WebP...) are reported as unsupported, not as failures.
/// </summary>
[Kernel("ImageDecoder", SinceVersion = 20, WidenHalfPrecision = false)]
public sealed class ImageDecoderKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var encoded = context.Input(0);
        if (encoded.Type != DataType.UInt8 || encoded.Rank != 1)
        {
            throw new ArgumentException("ImageDecoder takes a 1-D uint8 tensor of encoded bytes.");
        }
        string pixelFormat = context.GetString("pixel_format");
        var image = ImageFormats.TryDecode(encoded.Span<byte>(), out string format)
            ?? throw new AidgeException(DiagnosticCodes.UnsupportedOperator,
                $"ImageDecoder: {format} images are not supported ({ImageFormats.Supported} are)", node: context.Node.DisplayName);
        var pixels = pixelFormat switch
        {
            "RGB" => image.Pixels,
            "BGR" => SwapRedBlue(image.Pixels),
            "Grayscale" => Luminance(image.Pixels),
            _ => throw new ArgumentException($"pixel_format must be RGB, BGR or Grayscale, not '{pixelFormat}'."),
        };
        long channels = pixels.Length / ((long)image.Width * image.Height);
        context.SetOutput(0, Tensor.FromSpan<byte>(DataType.UInt8, [image.Height, image.Width, channels], pixels));
    }

    private static byte[] SwapRedBlue(byte[] rgb)
    {
        var bgr = new byte[rgb.Length];
        for (int i = 0; i < rgb.Length; i += 3)
        {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return bgr;
    }

    /// <summary>ITU-R 601-2 luma in 16-bit fixed point with rounding, the weights PIL's "L" conversion uses.</summary>
    private static byte[] Luminance(byte[] rgb)
    {
        var gray = new byte[rgb.Length / 3];
        for (int i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)((rgb[3 * i] * 19595 + rgb[3 * i + 1] * 38470 + rgb[3 * i + 2] * 7471 + 0x8000) >> 16);
        }
        return gray;
    }
}
