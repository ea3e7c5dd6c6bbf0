using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Attention;

/// <summary>
/// A LinearAttention gate input (decay or beta) of shape (B, T, width): per head and per key dimension
/// (width = heads * size), per head (width = heads), or one value shared by every head (width = 1).
/// </summary>
public sealed class StepGates<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] values;
    private readonly int width;
    private readonly int size;
    private readonly int heads;
    private readonly int steps;

    public StepGates(Tensor tensor, int batch, int steps, int heads, int size, string name)
    {
        width = tensor.Rank == 3 ? (int)tensor.Dims[2] : -1;
        if (tensor.Rank != 3 || tensor.Dims[0] != batch || tensor.Dims[1] != steps || (width != heads * size && width != heads && width != 1))
        {
            throw new ArgumentException($"{name} must be ({batch}, {steps}, {heads * size}), ({batch}, {steps}, {heads}) or ({batch}, {steps}, 1), got {tensor}.");
        }
        values = new T[tensor.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(tensor.GetDouble(i));
        }
        this.size = size;
        this.heads = heads;
        this.steps = steps;
    }

    /// <summary>The gate of one head at one step, spread over <paramref name="destination"/> (one entry per key dimension).</summary>
    public void Fill(int b, int t, int head, Span<T> destination)
    {
        int row = (b * steps + t) * width;
        if (width == heads * size && width != heads)
        {
            values.AsSpan(row + head * size, size).CopyTo(destination);
            return;
        }
        destination.Fill(values[row + (width == 1 ? 0 : head)]);
    }

    /// <summary>The gate of one head at one step when it is one value per head.</summary>
    public T At(int b, int t, int head) => values[(b * steps + t) * width + (width == 1 ? 0 : head)];
}
