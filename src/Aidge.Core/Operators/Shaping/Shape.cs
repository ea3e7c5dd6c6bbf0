using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>
/// Shape and Size. When the input's dims are known their result is known at compile time, so it is recorded
/// as a constant for the shape computations downstream (Reshape, Expand, ConstantOfShape, Slice...).
/// </summary>
public sealed class ShapeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Shape", 1).Until(14).Inputs(1).Outputs(1).Infer(InferShape);
        registry.Add("Shape", 15).Inputs(1).Outputs(1)
            .Attr("start", AttributeKind.Int, 0L)
            .Attr("end", AttributeKind.Int)
            .Infer(InferShape);
        registry.Add("Size", 1).Inputs(1).Outputs(1).Infer(InferSize);
    }

    /// <summary>The dims [start, end) that Shape-15 returns for a rank: negative bounds count from the end, then clamp.</summary>
    public static (int Start, int End) Bounds(int rank, long start, long? end)
    {
        int Clamp(long bound) => (int)Math.Clamp(bound < 0 ? bound + rank : bound, 0, rank);
        int first = Clamp(start);
        return (first, Math.Max(first, end is long e ? Clamp(e) : rank));
    }

    /// <summary>The start and end attributes of a node (absent before opset 15).</summary>
    public static (long Start, long? End) Attributes(Node node) =>
        (node.GetInt("start", 0), node.FindAttribute("end")?.AsInt());

    private static void InferShape(InferenceContext context)
    {
        if (context.InputShape(0) is not { } shape)
        {
            context.SetOutput(0, DataType.Int64, Shape.OfRank(1));
            return;
        }
        var (startAttribute, endAttribute) = Attributes(context.Node);
        var (start, end) = Bounds(shape.Rank, startAttribute, endAttribute);
        context.SetOutput(0, DataType.Int64, new Shape(end - start));
        var dims = shape.Skip(start).Take(end - start).ToList();
        if (dims.All(d => d.IsKnown))
        {
            context.SetConstantOutput(0, Tensor.FromArray(dims.Select(d => d.Value!.Value).ToArray(), dims.Count));
        }
    }

    private static void InferSize(InferenceContext context)
    {
        context.SetOutput(0, DataType.Int64, Shape.Scalar);
        if (context.InputShape(0)?.ElementCount is long count)
        {
            context.SetConstantOutput(0, Tensor.Scalar(count));
        }
    }
}
