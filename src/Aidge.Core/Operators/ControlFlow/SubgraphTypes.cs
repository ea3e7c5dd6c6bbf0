using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.ControlFlow;

/// <summary>Type algebra shared by the operators that run subgraphs (If, Loop, Scan, SequenceMap).</summary>
public static class SubgraphTypes
{
    /// <summary>
    /// Gives a subgraph input the type the node feeds it when the file left it untyped; a type the file
    /// declares is kept, it is the more precise statement.
    /// </summary>
    public static void TypeInput(Value input, IrType? fed)
    {
        if (fed is not null && (input.Type is null || input.Type.ElementType == DataType.Undefined))
        {
            input.Type = fed;
        }
    }

    /// <summary>
    /// The type that covers both alternatives (If branches, a loop value before and after iterating): dims
    /// that agree stay, the others become unknown, a rank disagreement drops the shape. When the kinds differ
    /// (an optional on one side, its content on the other) the first kind wins with its shapes dropped.
    /// </summary>
    public static IrType? Unify(IrType? first, IrType? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }
        return (first, second) switch
        {
            (TensorType a, TensorType b) => new TensorType(a.Element != DataType.Undefined ? a.Element : b.Element, UnifyShapes(a.Shape, b.Shape)),
            (SequenceType a, SequenceType b) => new SequenceType(Unify(a.Element, b.Element)!),
            (OptionalType a, OptionalType b) => new OptionalType(Unify(a.Element, b.Element)!),
            _ => WithoutShapes(first),
        };
    }

    /// <summary>The same type with every tensor shape unknown (a loop-carried value may change shape).</summary>
    public static IrType WithoutShapes(IrType type) => type switch
    {
        TensorType t => new TensorType(t.Element, null),
        SequenceType s => new SequenceType(WithoutShapes(s.Element)),
        OptionalType o => new OptionalType(WithoutShapes(o.Element)),
        MapType m => new MapType(m.Key, WithoutShapes(m.Value)),
        _ => type,
    };

    /// <summary>A tensor type with one more dim inserted at <paramref name="axis"/> (the iteration axis of scan outputs).</summary>
    public static IrType? WithInsertedDim(IrType? type, Dim dim, long axis)
    {
        if (type is not TensorType tensor)
        {
            return type;
        }
        if (tensor.Shape is not { } shape)
        {
            return tensor;
        }
        int at = ShapeMath.NormalizeAxis(axis, shape.Rank + 1);
        var dims = shape.ToList();
        dims.Insert(at, dim);
        return new TensorType(tensor.Element, new Shape(dims));
    }

    /// <summary>A tensor type with the dim at <paramref name="axis"/> removed (one slice of a scanned input).</summary>
    public static IrType? WithoutDim(IrType? type, long axis)
    {
        if (type is not TensorType { Shape: { } shape } tensor)
        {
            return type;
        }
        int at = ShapeMath.NormalizeAxis(axis, shape.Rank);
        return new TensorType(tensor.Element, new Shape(shape.Where((_, i) => i != at)));
    }

    /// <summary>The dim at <paramref name="axis"/> of a tensor type, or unknown.</summary>
    public static Dim DimAt(IrType? type, long axis) =>
        type is TensorType { Shape: { Rank: > 0 } shape } ? shape[ShapeMath.NormalizeAxis(axis, shape.Rank)] : Dim.Unknown;

    private static Shape? UnifyShapes(Shape? a, Shape? b)
    {
        if (a is null || b is null || a.Rank != b.Rank)
        {
            return null;
        }
        return new Shape(a.Zip(b, (x, y) => x == y ? x : Dim.Unknown));
    }
}
