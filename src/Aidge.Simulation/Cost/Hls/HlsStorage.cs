namespace Aidge.Simulation.Cost.Hls;

/// <summary>Where an array lives: 18 Kib block RAMs, or bits of registers and LUT RAM.</summary>
public readonly record struct HlsStorage(long Bram18k, long RegisterBits)
{
    public static HlsStorage operator +(HlsStorage a, HlsStorage b) => new(a.Bram18k + b.Bram18k, a.RegisterBits + b.RegisterBits);

    /// <summary>The RAMB18E2 aspect ratios (width, depth) of <see cref="HlsConstants.BramBits"/>.</summary>
    private static readonly (int Width, int Depth)[] Shapes = [(1, 16384), (2, 8192), (4, 4096), (9, 2048), (18, 1024), (36, 512)];

    /// <summary>
    /// One array: registers when it has at most <see cref="HlsConstants.RegisterArrayElements"/> elements or
    /// <see cref="HlsConstants.LutRamBits"/> bits, otherwise the fewest block RAMs of one aspect ratio that hold its
    /// width and depth (a 32-bit array of 784 floats: two 512 x 36 blocks).
    /// </summary>
    public static HlsStorage Of(long elements, int width)
    {
        if (elements <= 0)
        {
            return default;
        }
        long bits = elements * width;
        if (elements <= HlsConstants.RegisterArrayElements.Value || bits <= HlsConstants.LutRamBits.Value)
        {
            return new HlsStorage(0, bits);
        }
        long blocks = Shapes.Min(s => ((width + s.Width - 1) / s.Width) * ((elements + s.Depth - 1) / s.Depth));
        return new HlsStorage(blocks, 0);
    }

    /// <summary>An array partitioned cyclically into <paramref name="banks"/> arrays (one per unrolled term).</summary>
    public static HlsStorage Partitioned(long elements, int width, long banks)
    {
        if (banks <= 1)
        {
            return Of(elements, width);
        }
        long used = Math.Min(banks, elements);
        long larger = elements % used;
        var small = Of(elements / used, width);
        var large = Of(elements / used + 1, width);
        return new HlsStorage(small.Bram18k * (used - larger) + large.Bram18k * larger, small.RegisterBits * (used - larger) + large.RegisterBits * larger);
    }
}
