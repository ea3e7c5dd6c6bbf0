using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Attention;

/// <summary>
/// RotaryEmbedding: the first rotary_embedding_dim features of every head vector are split into pairs (halves,
/// or even/odd when interleaved) and each pair (x1, x2) becomes (cos·x1 - sin·x2, sin·x1 + cos·x2) with the
/// cos/sin of the token's position; the remaining features pass through.
/// </summary>
[Kernel("RotaryEmbedding", SinceVersion = 23)]
public sealed class RotaryEmbeddingKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var cosCache = ValuesAs<T>(context.Input(1));
        var sinCache = ValuesAs<T>(context.Input(2));
        var positions = context.OptionalInput(3)?.ToInt64Array();
        bool interleaved = context.GetInt("interleaved") != 0;
        int batch = (int)x.Dims[0];
        int heads, sequence, headSize;
        if (x.Rank == 4)
        {
            (heads, sequence, headSize) = ((int)x.Dims[1], (int)x.Dims[2], (int)x.Dims[3]);
        }
        else if (x.Rank == 3)
        {
            heads = (int)(context.Node.FindAttribute("num_heads")?.AsInt() ?? throw new ArgumentException("A 3-D input needs num_heads."));
            (sequence, headSize) = ((int)x.Dims[1], (int)x.Dims[2] / heads);
        }
        else
        {
            throw new ArgumentException($"RotaryEmbedding needs a 3-D or 4-D input, got rank {x.Rank}.");
        }
        int rotary = (int)context.GetInt("rotary_embedding_dim");
        rotary = rotary == 0 ? headSize : rotary;
        int half = rotary / 2;
        int cacheRow = context.Input(1).Dims[^1] == half ? half : throw new ArgumentException($"The caches' last dim must be {half}.");
        ReadOnlySpan<T> input = x.Span<T>();
        var output = input.ToArray();
        for (int b = 0; b < batch; b++)
        {
            for (int s = 0; s < sequence; s++)
            {
                long row = positions is null ? (long)b * sequence + s : positions[b * sequence + s];
                var cos = cosCache.Slice(checked((int)row * cacheRow), half);
                var sin = sinCache.Slice((int)row * cacheRow, half);
                for (int h = 0; h < heads; h++)
                {
                    int start = x.Rank == 4 ? ((b * heads + h) * sequence + s) * headSize : ((b * sequence + s) * heads + h) * headSize;
                    Rotate(input.Slice(start, rotary), output.AsSpan(start, rotary), cos, sin, interleaved);
                }
            }
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), x.Dims, output));
    }

    private static void Rotate<T>(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> cos, ReadOnlySpan<T> sin, bool interleaved)
        where T : System.Numerics.INumber<T>
    {
        int half = cos.Length;
        for (int i = 0; i < half; i++)
        {
            int first = interleaved ? 2 * i : i;
            int second = interleaved ? 2 * i + 1 : i + half;
            T x1 = x[first];
            T x2 = x[second];
            y[first] = cos[i] * x1 - sin[i] * x2;
            y[second] = sin[i] * x1 + cos[i] * x2;
        }
    }
}
