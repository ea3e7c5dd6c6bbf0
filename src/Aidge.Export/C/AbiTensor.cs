using Aidge.Core.Tensors;

namespace Aidge.Export.C;

/// <summary>A graph input or output as the C ABI describes it: its model name (for comments), element type and static dims.</summary>
public sealed record AbiTensor(string Name, DataType Type, EquatableArray<long> Dims)
{
    public long ElementCount => Dims.Aggregate(1L, (a, d) => a * d);

    public static AbiTensor Of(Plan.TensorRef tensor) => new(tensor.Name, tensor.Type, tensor.Dims);

    public string Describe() => $"'{Name}' {ElementTypeNames.Of(Type)} [{string.Join(",", Dims)}]";
}
