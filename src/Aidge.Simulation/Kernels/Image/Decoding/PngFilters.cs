namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>Reverses the five PNG scanline filters in place; each predicts a byte from its left, upper and upper-left neighbours.</summary>
internal static class PngFilters
{
    public static void Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        switch (filter)
        {
            case 0:
                return;
            case 1:
                for (int i = bytesPerPixel; i < row.Length; i++)
                {
                    row[i] += row[i - bytesPerPixel];
                }
                return;
            case 2:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }
                return;
            case 3:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                    row[i] += (byte)((left + previous[i]) / 2);
                }
                return;
            case 4:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                    int upperLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                    row[i] += Paeth(left, previous[i], upperLeft);
                }
                return;
            default:
                throw new ArgumentException($"PNG row uses unknown filter type {filter}.");
        }
    }

    /// <summary>The neighbour closest to left + up - upperLeft, ties going to left, then up.</summary>
    private static byte Paeth(int left, int up, int upperLeft)
    {
        int estimate = left + up - upperLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpperLeft = Math.Abs(estimate - upperLeft);
        return (byte)(toLeft <= toUp && toLeft <= toUpperLeft ? left : toUp <= toUpperLeft ? up : upperLeft);
    }
}
