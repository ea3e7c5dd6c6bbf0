namespace Aidge.Core.Operators.Image;

/// <summary>
/// The output size and per-axis scale of a Resize (or Upsample), from either <c>scales</c> or <c>sizes</c>,
/// shared by shape inference and the simulator. Axes not listed keep their size and a scale of 1.
/// </summary>
public sealed record ResizeGeometry(long[] OutputDims, double[] Scales)
{
    /// <param name="inputDims">The input dims.</param>
    /// <param name="axes">The axes that scales / sizes describe, normalized.</param>
    /// <param name="scales">One scale per listed axis, or null when sizes are given.</param>
    /// <param name="sizes">One size per listed axis, or null when scales are given.</param>
    /// <param name="policy">keep_aspect_ratio_policy: stretch, not_larger or not_smaller.</param>
    public static ResizeGeometry Compute(long[] inputDims, int[] axes, float[]? scales, long[]? sizes, string policy)
    {
        var output = (long[])inputDims.Clone();
        var factors = Enumerable.Repeat(1.0, inputDims.Length).ToArray();
        if (scales is not null)
        {
            CheckCount(scales.Length, axes.Length, "scales");
            for (int i = 0; i < axes.Length; i++)
            {
                factors[axes[i]] = scales[i];
                output[axes[i]] = (long)Math.Floor(inputDims[axes[i]] * (double)scales[i]);
            }
            return new ResizeGeometry(output, factors);
        }
        if (sizes is null)
        {
            throw new ArgumentException("Resize needs either scales or sizes.");
        }
        CheckCount(sizes.Length, axes.Length, "sizes");
        if (policy == "stretch")
        {
            for (int i = 0; i < axes.Length; i++)
            {
                output[axes[i]] = sizes[i];
                factors[axes[i]] = (double)sizes[i] / inputDims[axes[i]];
            }
            return new ResizeGeometry(output, factors);
        }
        // Keep the aspect ratio: one scale for every listed axis, the smallest or largest of the requested ones.
        var ratios = axes.Select((axis, i) => (double)sizes[i] / inputDims[axis]).ToArray();
        double scale = policy switch
        {
            "not_larger" => ratios.Min(),
            "not_smaller" => ratios.Max(),
            _ => throw new ArgumentException($"Unknown keep_aspect_ratio_policy '{policy}'."),
        };
        foreach (int axis in axes)
        {
            factors[axis] = scale;
            output[axis] = (long)Math.Floor(scale * inputDims[axis] + 0.5);
        }
        return new ResizeGeometry(output, factors);
    }

    private static void CheckCount(int count, int axes, string what)
    {
        if (count != axes)
        {
            throw new ArgumentException($"Resize has {count} {what} for {axes} axes.");
        }
    }
}
