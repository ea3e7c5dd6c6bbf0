using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Data;

/// <summary>One runtime input of the model as sample data must fill it: its name, element type and static dims.</summary>
public sealed record InputSlot(string Name, DataType Type, long[] Dims)
{
    /// <summary>The batch of one sample: the leading dim (1 for a scalar input).</summary>
    public long Batch => Dims.Length == 0 ? 1 : Dims[0];

    public override string ToString() => $"{Type.OnnxName()}[{string.Join(",", Dims)}]";

    /// <summary>The graph's runtime inputs, which must be tensors of static shape by now (the compiler fixed unbound dims).</summary>
    public static IReadOnlyList<InputSlot> Of(Graph graph, string? file) => graph.RuntimeInputs.Select(input =>
        input.Type is TensorType { Shape: { IsStatic: true } shape } type
            ? new InputSlot(input.Name, type.Element, shape.ToArray())
            : throw new AidgeException(DiagnosticCodes.DataMismatch, $"Input '{input.Name}' is {input.Type?.ToString() ?? "untyped"}, not a tensor of static shape, so sample data cannot feed it.", file))
        .ToList();
}
