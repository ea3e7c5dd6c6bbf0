using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// A typed node attribute. The value is held as the natural .NET type of its kind: float, long, string,
/// Tensor, Graph, float[], long[], string[], Tensor[], Graph[], IrType, IrType[].
/// </summary>
public sealed class NodeAttribute
{
    public NodeAttribute(string name, AttributeKind kind, object value)
    {
        Name = name;
        Kind = kind;
        Value = value;
    }

    public string Name { get; }

    public AttributeKind Kind { get; }

    public object Value { get; }

    /// <summary>For attributes of a function body that refer to the caller's attribute (<c>ref_attr_name</c>).</summary>
    public string? ReferencedAttribute { get; init; }

    public static NodeAttribute Of(string name, float value) => new(name, AttributeKind.Float, value);

    public static NodeAttribute Of(string name, long value) => new(name, AttributeKind.Int, value);

    public static NodeAttribute Of(string name, string value) => new(name, AttributeKind.String, value);

    public static NodeAttribute Of(string name, Tensor value) => new(name, AttributeKind.Tensor, value);

    public static NodeAttribute Of(string name, Graph value) => new(name, AttributeKind.Graph, value);

    public static NodeAttribute Of(string name, float[] value) => new(name, AttributeKind.Floats, value);

    public static NodeAttribute Of(string name, long[] value) => new(name, AttributeKind.Ints, value);

    public static NodeAttribute Of(string name, string[] value) => new(name, AttributeKind.Strings, value);

    public float AsFloat() => Kind == AttributeKind.Float ? (float)Value : Kind == AttributeKind.Int ? (long)Value : throw WrongKind("float");

    public long AsInt() => Kind == AttributeKind.Int ? (long)Value : throw WrongKind("int");

    public string AsString() => Kind == AttributeKind.String ? (string)Value : throw WrongKind("string");

    public Tensor AsTensor() => Kind == AttributeKind.Tensor ? (Tensor)Value : throw WrongKind("tensor");

    public Graph AsGraph() => Kind == AttributeKind.Graph ? (Graph)Value : throw WrongKind("graph");

    public float[] AsFloats() => Kind == AttributeKind.Floats ? (float[])Value : throw WrongKind("floats");

    public long[] AsInts() => Kind == AttributeKind.Ints ? (long[])Value : throw WrongKind("ints");

    public string[] AsStrings() => Kind == AttributeKind.Strings ? (string[])Value : throw WrongKind("strings");

    public override string ToString() => Value switch
    {
        long[] ints => $"{Name}=[{string.Join(",", ints)}]",
        float[] floats => $"{Name}=[{string.Join(",", floats)}]",
        string[] strings => $"{Name}=[{string.Join(",", strings)}]",
        _ => $"{Name}={Value}",
    };

    private AidgeException WrongKind(string expected) =>
        new(DiagnosticCodes.InvalidAttribute, $"Attribute '{Name}' is {Kind}, expected {expected}.");
}
