using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>The type and shape rules that the elementwise operators share.</summary>
internal static class ElementwiseInference
{
    /// <summary>Output 0 has the type and shape of input 0 (unary operators).</summary>
    public static void SameAsInput(InferenceContext context) => context.PropagateInput();

    /// <summary>Output 0 has input 0's element type and the broadcast shape of every given input.</summary>
    public static void Broadcast(InferenceContext context) => Broadcast(context, context.InputElementType(0));

    /// <summary>Output 0 is a bool tensor of the broadcast shape (comparisons).</summary>
    public static void BroadcastToBool(InferenceContext context) => Broadcast(context, DataType.Bool);

    public static void Broadcast(InferenceContext context, DataType element)
    {
        var shapes = Enumerable.Range(0, context.InputCount).Where(context.HasInput).Select(context.InputShape).ToArray();
        context.SetOutput(0, element, ShapeMath.Broadcast(shapes));
    }

    /// <summary>
    /// Binary operators before opset 7: with <c>broadcast=1</c> input B is stretched to A's shape (starting at
    /// <c>axis</c>, or aligned to the right), so the output has A's shape; without it the shapes must already agree.
    /// </summary>
    public static Action<InferenceContext> LegacyBroadcast(Func<InferenceContext, DataType> element) => context =>
    {
        if (context.Node.GetInt(LegacyBroadcastAttributes.Broadcast, 0) != 0)
        {
            context.SetOutput(0, element(context), context.InputShape(0));
        }
        else
        {
            Broadcast(context, element(context));
        }
    };

    /// <summary>Registers one schema per opset range of a binary operator: the legacy form before 7, numpy broadcasting from 7.</summary>
    public static void AddBinary(OperatorRegistry registry, string opType, int firstVersion, DataType? resultElement, Func<long[], long?>? fold = null)
    {
        Func<InferenceContext, DataType> element = context => resultElement ?? context.InputElementType(0);
        if (firstVersion < 7)
        {
            registry.Add(opType, firstVersion).Until(6).Inputs(2).Outputs(1)
                .Attr(LegacyBroadcastAttributes.Broadcast, Graphs.AttributeKind.Int, 0L)
                .Attr(LegacyBroadcastAttributes.Axis, Graphs.AttributeKind.Int)
                .Infer(LegacyBroadcast(element));
        }
        Action<InferenceContext> inference = context => Broadcast(context, element(context));
        registry.Add(opType, Math.Max(firstVersion, 7)).Inputs(2).Outputs(1).Infer(fold is null ? inference : IntegerFolding.Integers(inference, fold));
    }
}

/// <summary>The attribute names of the pre-opset-7 broadcasting scheme.</summary>
public static class LegacyBroadcastAttributes
{
    public const string Broadcast = "broadcast";

    public const string Axis = "axis";
}
