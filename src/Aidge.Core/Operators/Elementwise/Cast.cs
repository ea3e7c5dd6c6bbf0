using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>
/// Cast (target type from the <c>to</c> attribute: a name such as "FLOAT" in opset 1, a TensorProto type number
/// since 6) and CastLike (target type from the second input). <c>saturate</c> (19) and <c>round_mode</c> (24)
/// only concern float8 targets, which this IR does not store.
/// </summary>
public sealed class Cast : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Cast", 1).Until(5).Inputs(1).Outputs(1).RequiredAttr("to", AttributeKind.String).Infer(InferCast);
        registry.Add("Cast", 6).Until(18).Inputs(1).Outputs(1).RequiredAttr("to", AttributeKind.Int).Infer(InferCast);
        WithFloat8Attributes(registry.Add("Cast", 19).Until(23), roundMode: false).Inputs(1).Outputs(1).RequiredAttr("to", AttributeKind.Int).Infer(InferCast);
        WithFloat8Attributes(registry.Add("Cast", 24), roundMode: true).Inputs(1).Outputs(1).RequiredAttr("to", AttributeKind.Int).Infer(InferCast);

        registry.Add("CastLike", 15).Until(18).Inputs(2).Outputs(1).Infer(InferCastLike);
        WithFloat8Attributes(registry.Add("CastLike", 19).Until(23), roundMode: false).Inputs(2).Outputs(1).Infer(InferCastLike);
        WithFloat8Attributes(registry.Add("CastLike", 24), roundMode: true).Inputs(2).Outputs(1).Infer(InferCastLike);
    }

    /// <summary>The element type a Cast (or BitCast) node converts to.</summary>
    public static DataType TargetType(Node node)
    {
        var to = node.FindAttribute("to") ?? throw new ArgumentException($"{node.OpType} needs attribute 'to'.");
        var type = to.Kind == AttributeKind.String
            ? Enum.TryParse<DataType>(to.AsString(), ignoreCase: true, out var named) ? named : DataType.Undefined
            : (DataType)to.AsInt();
        return type.IsSupported()
            ? type
            : throw new NotSupportedException($"{node.OpType} to element type '{to}' is not supported; the IR stores bool, string, 8- to 64-bit integers, float16, bfloat16, float and double.");
    }

    private static OpSchema WithFloat8Attributes(OpSchema schema, bool roundMode)
    {
        schema.Attr("saturate", AttributeKind.Int, 1L);
        return roundMode ? schema.Attr("round_mode", AttributeKind.String, "up") : schema;
    }

    /// <summary>Casts between int32 and int64 of small constant vectors fold (shape arithmetic); others wait for run time.</summary>
    private static void InferCast(InferenceContext context) =>
        IntegerFolding.Integers(c => c.SetOutput(0, TargetType(c.Node), c.InputShape(0)), v => v[0])(context);

    private static void InferCastLike(InferenceContext context) =>
        context.SetOutput(0, context.InputElementType(1), context.InputShape(0));
}
