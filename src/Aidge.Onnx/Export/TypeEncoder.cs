using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Export;

/// <summary>Writes an <see cref="IrType"/> as a <see cref="TypeProto"/>; a tensor of unknown rank gets no shape field.</summary>
internal static class TypeEncoder
{
    public static TypeProto Encode(IrType type) => type switch
    {
        TensorType tensor => new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)tensor.Element, Shape = EncodeShape(tensor.Shape) } },
        SequenceType sequence => new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = Encode(sequence.Element) } },
        OptionalType optional => new TypeProto { OptionalType = new TypeProto.Types.Optional { ElemType = Encode(optional.Element) } },
        MapType map => new TypeProto { MapType = new TypeProto.Types.Map { KeyType = (int)map.Key, ValueType = Encode(map.Value) } },
        _ => throw new ArgumentException($"Type {type} has no ONNX form."),
    };

    private static TensorShapeProto? EncodeShape(Shape? shape)
    {
        if (shape is null)
        {
            return null;
        }
        var proto = new TensorShapeProto();
        proto.Dim.AddRange(shape.Select(EncodeDim));
        return proto;
    }

    private static TensorShapeProto.Types.Dimension EncodeDim(Dim dim)
    {
        var proto = new TensorShapeProto.Types.Dimension();
        if (dim.Value is { } value)
        {
            proto.DimValue = value;
        }
        else if (dim.Symbol is { } symbol)
        {
            proto.DimParam = symbol;
        }
        return proto;
    }
}
