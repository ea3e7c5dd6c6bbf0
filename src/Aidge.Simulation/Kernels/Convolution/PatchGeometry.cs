using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// How kernel patches of an image (one channel, spatial dims <see cref="Image"/>) line up with a grid of window
/// positions (<see cref="Positions"/>): position p and kernel offset k read image coordinate
/// p·stride − padBegin + k·dilation on each axis, zero outside the image. The column matrix of a channel has one row
/// per kernel offset and one column per position. Conv gathers it (im2col); ConvTranspose, the adjoint, scatters it
/// back (col2im) with the roles of its input and output exchanged.
/// </summary>
internal sealed class PatchGeometry
{
    /// <summary>One contiguous run along the last axis: a column-matrix row segment and the image row it maps to.</summary>
    private readonly record struct RowSegment(int ColumnOffset, int ImageOffset, int Start, int First, int End);

    private readonly RowSegment[] segments;
    private readonly int stride;

    public PatchGeometry(long[] image, long[] positions, long[] kernel, long[] strides, long[] dilations, long[] padBegin)
    {
        Image = image;
        Positions = positions;
        Kernel = kernel;
        ImageSize = checked((int)Tensor.ElementCountOf(image));
        PositionCount = checked((int)Tensor.ElementCountOf(positions));
        KernelSize = checked((int)Tensor.ElementCountOf(kernel));
        stride = (int)strides[^1];
        segments = PlanSegments(strides, dilations, padBegin);
    }

    public long[] Image { get; }

    public long[] Positions { get; }

    public long[] Kernel { get; }

    public int ImageSize { get; }

    public int PositionCount { get; }

    public int KernelSize { get; }

    /// <summary>
    /// Fills columns (channels·KernelSize rows × <paramref name="count"/>) with the patches of images (channels ×
    /// ImageSize) at positions [<paramref name="first"/>, first + count): a slice of the full column matrix, so a
    /// convolution can stream it through cache a block of positions at a time.
    /// </summary>
    public void Im2Col<T>(ReadOnlySpan<T> images, int channels, int first, int count, Span<T> columns)
        where T : unmanaged
    {
        int rowLength = (int)Positions[^1];
        int outerRows = PositionCount / rowLength;
        int firstRow = first / rowLength;
        int lastRow = (first + count - 1) / rowLength;
        for (int c = 0; c < channels; c++)
        {
            var image = images.Slice(c * ImageSize, ImageSize);
            for (int kernelIndex = 0; kernelIndex < KernelSize; kernelIndex++)
            {
                var row = columns.Slice((c * KernelSize + kernelIndex) * count, count);
                for (int r = firstRow; r <= lastRow; r++)
                {
                    int rowStart = r * rowLength;
                    int from = Math.Max(first, rowStart) - rowStart;
                    int to = Math.Min(first + count, rowStart + rowLength) - rowStart;
                    Gather(image, segments[kernelIndex * outerRows + r], from, to, row.Slice(rowStart + from - first, to - from));
                }
            }
        }
    }

    /// <summary>Positions [from, to) of one segment's row: image values where the tap lands inside the image, zeros elsewhere.</summary>
    private void Gather<T>(ReadOnlySpan<T> image, in RowSegment s, int from, int to, Span<T> destination)
        where T : unmanaged
    {
        int first = Math.Clamp(s.First, from, to);
        int end = Math.Clamp(s.End, first, to);
        destination[..(first - from)].Clear();
        destination[(end - from)..].Clear();
        if (first == end)
        {
            return;
        }
        var source = image[s.ImageOffset..];
        if (stride == 1)
        {
            source.Slice(s.Start + first, end - first).CopyTo(destination[(first - from)..]);
            return;
        }
        for (int o = first, x = s.Start + first * stride; o < end; o++, x += stride)
        {
            destination[o - from] = source[x];
        }
    }

    /// <summary>Adds columns (channels·KernelSize rows × PositionCount) into images (channels × ImageSize).</summary>
    public void Col2ImAdd<T>(ReadOnlySpan<T> columns, int channels, Span<T> images)
        where T : unmanaged, System.Numerics.IAdditionOperators<T, T, T>
    {
        int rowLength = (int)Positions[^1];
        for (int c = 0; c < channels; c++)
        {
            var image = images.Slice(c * ImageSize, ImageSize);
            var channelColumns = columns.Slice(c * KernelSize * PositionCount, KernelSize * PositionCount);
            foreach (var s in segments)
            {
                var row = channelColumns.Slice(s.ColumnOffset, rowLength);
                var target = image[s.ImageOffset..];
                for (int o = s.First, x = s.Start + s.First * stride; o < s.End; o++, x += stride)
                {
                    target[x] += row[o];
                }
            }
        }
    }

    /// <summary>
    /// One segment per (kernel offset, row of positions along the outer axes). A segment whose outer coordinates
    /// fall outside the image has an empty valid range; otherwise [First, End) are the positions whose last-axis
    /// coordinate Start + o·stride lands inside the image row.
    /// </summary>
    private RowSegment[] PlanSegments(long[] strides, long[] dilations, long[] padBegin)
    {
        int rank = Image.Length;
        int rowLength = (int)Positions[^1];
        int imageRow = (int)Image[^1];
        int outerRows = PositionCount / rowLength;
        var imageStrides = Aidge.Core.Operators.ShapeMath.Strides(Image);
        var result = new List<RowSegment>(KernelSize * outerRows);
        var k = new long[rank];
        for (int kernelIndex = 0; kernelIndex < KernelSize; kernelIndex++)
        {
            var p = new long[rank - 1];
            for (int outer = 0; outer < outerRows; outer++)
            {
                long imageOffset = 0;
                bool inside = true;
                for (int d = 0; d < rank - 1; d++)
                {
                    long coordinate = p[d] * strides[d] - padBegin[d] + k[d] * dilations[d];
                    inside &= coordinate >= 0 && coordinate < Image[d];
                    imageOffset += coordinate * imageStrides[d];
                }
                int start = (int)(-padBegin[^1] + k[^1] * dilations[^1]);
                int first = 0;
                int end = 0;
                if (inside)
                {
                    // First o with start + o·stride >= 0, and one past the last with start + o·stride < imageRow.
                    first = start >= 0 ? 0 : (-start + stride - 1) / stride;
                    end = imageRow - start <= 0 ? 0 : Math.Min(rowLength, (imageRow - start + stride - 1) / stride);
                }
                result.Add(new RowSegment(kernelIndex * PositionCount + outer * rowLength, inside ? (int)imageOffset : 0, start, first, Math.Max(first, end)));
                Odometer.Advance(p, Positions.AsSpan(0, rank - 1));
            }
            Odometer.Advance(k, Kernel);
        }
        return result.ToArray();
    }
}
