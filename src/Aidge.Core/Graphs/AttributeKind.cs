namespace Aidge.Core.Graphs;

/// <summary>Attribute kinds, numbered as ONNX's <c>AttributeProto.AttributeType</c>.</summary>
public enum AttributeKind
{
    Undefined = 0,
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Graph = 5,
    Floats = 6,
    Ints = 7,
    Strings = 8,
    Tensors = 9,
    Graphs = 10,
    SparseTensor = 11,
    SparseTensors = 12,
    TypeProto = 13,
    TypeProtos = 14,
}
