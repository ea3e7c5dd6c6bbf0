using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;

namespace Aidge.Simulation.Kernels.ControlFlow;

/// <summary>Collects the per-iteration values of Loop and Scan scan outputs and stacks them along their axis.</summary>
internal sealed class ScanOutputs
{
    private readonly List<Tensor>[] collected;

    public ScanOutputs(int count)
    {
        collected = new List<Tensor>[count];
        for (int k = 0; k < count; k++)
        {
            collected[k] = new List<Tensor>();
        }
    }

    public void Add(int k, object? value) =>
        collected[k].Add(value as Tensor ?? throw new ArgumentException($"Scan output {k} must be a tensor in every iteration."));

    /// <summary>
    /// Scan output k stacked along axis (its iterations reversed when <paramref name="reverse"/>). With no
    /// iteration there is no element to take the shape from, so the node's inferred output shape must tell it.
    /// </summary>
    public Tensor Build(int k, int axis, bool reverse, Value? output)
    {
        var parts = collected[k];
        if (parts.Count == 0)
        {
            return EmptyFor(output, axis);
        }
        var ordered = reverse ? Enumerable.Reverse(parts).ToList() : parts;
        if (ordered.Any(p => !p.Dims.AsSpan().SequenceEqual(ordered[0].Dims)))
        {
            throw new ArgumentException($"Scan output {k} changes shape between iterations.");
        }
        return TensorAxis.Stack(ordered, ShapeMath.NormalizeAxis(axis, ordered[0].Rank + 1));
    }

    private static Tensor EmptyFor(Value? output, int axis)
    {
        if (output?.Shape is not { } shape || output.ElementType == DataType.Undefined)
        {
            throw new NotSupportedException($"A scan output with no iteration needs a known type and shape ('{output?.Name}').");
        }
        int at = ShapeMath.NormalizeAxis(axis, shape.Rank);
        var dims = shape.Select((d, i) => i == at ? 0 : d.Value ?? throw new NotSupportedException($"A scan output with no iteration needs a known shape ('{output.Name}' is {shape}).")).ToArray();
        return Tensor.Create(output.ElementType, dims);
    }
}
