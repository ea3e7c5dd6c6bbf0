using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>The type of a value: a tensor, or the ONNX containers (sequence, optional, map) that hold tensors.</summary>
public abstract record IrType
{
    /// <summary>The tensor element type at the bottom of any container, or Undefined.</summary>
    public abstract DataType ElementType { get; }
}

/// <summary>A tensor with an element type and, when the rank is known, a shape.</summary>
public sealed record TensorType(DataType Element, Shape? Shape) : IrType
{
    public override DataType ElementType => Element;

    public override string ToString() => $"{Element.OnnxName()}{Shape?.ToString() ?? "[?]"}";
}

public sealed record SequenceType(IrType Element) : IrType
{
    public override DataType ElementType => Element.ElementType;

    public override string ToString() => $"seq({Element})";
}

public sealed record OptionalType(IrType Element) : IrType
{
    public override DataType ElementType => Element.ElementType;

    public override string ToString() => $"optional({Element})";
}

public sealed record MapType(DataType Key, IrType Value) : IrType
{
    public override DataType ElementType => Value.ElementType;

    public override string ToString() => $"map({Key.OnnxName()},{Value})";
}
