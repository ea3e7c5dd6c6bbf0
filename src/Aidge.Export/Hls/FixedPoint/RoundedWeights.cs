using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Export.Hls.FixedPoint;

/// <summary>
/// The reference of a fixed-point design: the graph with every float initializer rounded to the data format, as the
/// design's ROM holds it, so that comparing the design with the simulator measures the arithmetic alone (what
/// <see cref="FixedPointErrorBound"/> bounds). The rounding is applied in place and undone on dispose: the simulator
/// runs the graph object it is given, and copying a large model only to round its weights would double its memory.
/// </summary>
public sealed class RoundedWeights : IDisposable
{
    private readonly List<(Value Value, Tensor Original)> replaced = new();

    public RoundedWeights(Graph graph, FixedPointFormat format)
    {
        foreach (var value in graph.Initializers)
        {
            if (value.Initializer is { Type: DataType.Float } original)
            {
                var rounded = new float[original.Length];
                for (int i = 0; i < rounded.Length; i++)
                {
                    // Exact for W <= 24 (a float's significand); wider formats round once more here, by 2^-24 relative at most.
                    rounded[i] = (float)format.Round(original.GetDouble(i));
                }
                replaced.Add((value, original));
                value.Initializer = Tensor.FromArray(rounded, original.Dims);
            }
        }
    }

    public void Dispose()
    {
        foreach (var (value, original) in replaced)
        {
            value.Initializer = original;
        }
        replaced.Clear();
    }
}
