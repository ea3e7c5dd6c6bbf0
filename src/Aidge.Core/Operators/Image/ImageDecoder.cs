using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Image;

/// <summary>
/// ImageDecoder (20): encoded image bytes to a uint8 [height, width, channels] tensor. The size is only known
/// once the image is decoded; the channel count follows pixel_format (3 for RGB / BGR, 1 for Grayscale).
/// </summary>
public sealed class ImageDecoder : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("ImageDecoder", 20).Inputs(1).Outputs(1)
            .Attr("pixel_format", AttributeKind.String, "RGB")
            .Infer(ctx =>
            {
                string format = ctx.GetString("pixel_format");
                long channels = format switch
                {
                    "RGB" or "BGR" => 3,
                    "Grayscale" => 1,
                    _ => throw ctx.Fail($"pixel_format must be RGB, BGR or Grayscale, not '{format}'."),
                };
                ctx.SetOutput(0, DataType.UInt8, new Shape(new[] { Dim.Unknown, Dim.Unknown, Dim.Of(channels) }));
            });
}
