using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Pooling;

/// <summary>
/// MaxUnpool (9; 11 and 22 only widen the types): scatters pooled values back to the positions their indices name.
/// The output is output_shape when given, else the size MaxPool's input had: (in − 1)·stride + kernel − pads.
/// </summary>
public sealed class MaxUnpool : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("MaxUnpool", 9).Inputs(2, 3).Outputs(1)
            .RequiredAttr("kernel_shape", AttributeKind.Ints)
            .Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints)
            .Infer(Infer);

    /// <summary>The unpooled size of spatial axis i for a pooled size of <paramref name="pooled"/>.</summary>
    public static long UnpooledSize(Node node, int i, long pooled)
    {
        var kernel = node.GetInts("kernel_shape")!;
        long stride = node.GetInts("strides")?[i] ?? 1;
        var pads = node.GetInts("pads");
        long padding = pads is null ? 0 : pads[i] + pads[i + kernel.Length];
        return (pooled - 1) * stride + kernel[i] - padding;
    }

    private static void Infer(InferenceContext context)
    {
        var input = context.InputShape(0);
        Shape? output;
        if (context.HasInput(2))
        {
            output = context.ConstantInts(2) is { } shape ? new Shape(shape)
                : context.StaticLength(2) is int rank ? Shape.OfRank(rank) : null;
        }
        else
        {
            output = input is null ? null
                : new Shape(input.Select((d, i) => i < 2 ? d : d.Value is long n ? Dim.Of(UnpooledSize(context.Node, i - 2, n)) : Dim.Unknown));
        }
        context.SetOutput(0, context.InputElementType(0), output);
    }
}
