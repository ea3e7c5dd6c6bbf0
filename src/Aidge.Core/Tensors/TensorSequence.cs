
namespace Aidge.Core.Tensors;

/// <summary>The run-time form of an ONNX sequence value: an ordered list of tensors.</summary>
public sealed class TensorSequence : List<Tensor>
{
    public TensorSequence()
    {
    }

    public TensorSequence(IEnumerable<Tensor> tensors)
        : base(tensors)
    {
    }

    /// <summary>The element type new entries must have (known even when the sequence is empty).</summary>
    public DataType ElementType { get; init; }
}

/// <summary>The run-time form of an empty ONNX optional value.</summary>
public sealed class OptionalNone
{
    public static OptionalNone Instance { get; } = new();

    private OptionalNone()
    {
    }
}
