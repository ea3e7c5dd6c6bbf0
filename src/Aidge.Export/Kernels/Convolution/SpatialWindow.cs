using Aidge.Export.C;

namespace Aidge.Export.Kernels.Convolution;

/// <summary>
/// The window geometry shared by Conv and the pools, as the C helpers take it: every list has three spatial entries
/// (fewer spatial dims are padded in front with neutral ones), and padding is resolved from auto_pad or pads.
/// </summary>
public sealed record SpatialWindow(long[] In, long[] Out, long[] Kernel, long[] Stride, long[] Dilation, long[] PadBegin, long[] PadEnd)
{
    public const int Dims = 3;

    /// <summary>Reads the window of a node whose input and output are [N, C, spatial...].</summary>
    public static SpatialWindow Of(NodeContext node, long[] input, long[] output, long[] kernel)
    {
        int spatial = input.Length - 2;
        if (spatial is < 1 or > Dims)
        {
            throw node.Unsupported($"{spatial} spatial dims (supported: 1 to {Dims})");
        }
        long[] inDims = input[2..];
        long[] outDims = output[2..];
        long[] strides = node.GetInts("strides") is { Length: > 0 } s ? s : Ones(spatial);
        long[] dilations = node.GetInts("dilations") is { Length: > 0 } d ? d : Ones(spatial);
        var (begin, end) = Pads(node, inDims, outDims, kernel, strides, dilations);
        return new SpatialWindow(Three(inDims), Three(outDims), Three(kernel), Three(strides), Three(dilations), Three(begin, 0), Three(end, 0));
    }

    public IEnumerable<string> Arguments(bool withPadEnd) =>
        new[] { In, Out, Kernel, Stride, Dilation, PadBegin }.Concat(withPadEnd ? [PadEnd] : []).Select(CLiteral.Int64Array);

    private static (long[] Begin, long[] End) Pads(NodeContext node, long[] input, long[] output, long[] kernel, long[] strides, long[] dilations)
    {
        int spatial = input.Length;
        string autoPad = node.Node.GetString("auto_pad", "NOTSET");
        var begin = new long[spatial];
        var end = new long[spatial];
        if (autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            for (int i = 0; i < spatial; i++)
            {
                long total = Math.Max(0, (output[i] - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - input[i]);
                begin[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
                end[i] = total - begin[i];
            }
        }
        else if (autoPad != "VALID" && node.GetInts("pads") is { Length: > 0 } pads)
        {
            begin = pads[..spatial];
            end = pads[spatial..];
        }
        return (begin, end);
    }

    private static long[] Ones(int count) => Enumerable.Repeat(1L, count).ToArray();

    private static long[] Three(long[] values, long fill = 1) => Enumerable.Repeat(fill, Dims - values.Length).Concat(values).ToArray();
}
