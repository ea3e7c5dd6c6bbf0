using Aidge.Export.Hls.Model;

namespace Aidge.Export.Hls.Operators;

/// <summary>Loop nests several layers share.</summary>
public static class HlsLoops
{
    /// <summary>
    /// Opens one loop per output dim (the last one per output element; one loop of one trip for a scalar) and returns
    /// the flat index expressions of the output and of each input read through its broadcast strides (the shared
    /// <see cref="BroadcastStrides"/>); the caller writes the statements and closes the loops with <see cref="Close"/>.
    /// </summary>
    public static (string[] Index, int Loops) Broadcast(HlsBody body, long[] output, params long[][] inputs)
    {
        var outputStrides = TensorLayout.Strides(output);
        var inputStrides = inputs.Select(d => BroadcastStrides.Of(d, output)).ToArray();
        var index = Enumerable.Repeat("0", inputs.Length + 1).ToArray();
        for (int d = 0; d < output.Length; d++)
        {
            body.For($"i{d}", output[d], d == output.Length - 1 ? HlsLoopRole.PerOutput : HlsLoopRole.Outer);
            index[0] = Term(index[0], d, outputStrides[d]);
            for (int i = 0; i < inputs.Length; i++)
            {
                index[i + 1] = Term(index[i + 1], d, inputStrides[i][d]);
            }
        }
        if (output.Length == 0)
        {
            body.For("i", 1, HlsLoopRole.PerOutput);
        }
        return (index, Math.Max(1, output.Length));
    }

    public static void Close(HlsBody body, int loops)
    {
        for (int i = 0; i < loops; i++)
        {
            body.End();
        }
    }

    private static string Term(string sum, int dim, long stride) => stride == 0 ? sum : sum == "0" ? $"i{dim} * {stride}" : $"{sum} + i{dim} * {stride}";
}
