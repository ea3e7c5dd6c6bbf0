using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>BitCast (26): the same bytes read as another element type of the same width (<c>to</c>), same shape.</summary>
public sealed class BitCast : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("BitCast", 26).Inputs(1).Outputs(1).RequiredAttr("to", AttributeKind.Int).Infer(context =>
        {
            var target = TargetType(context.Node);
            var source = context.InputElementType(0);
            if (source != DataType.Undefined && (source == DataType.String || source.SizeOf() != target.SizeOf()))
            {
                throw context.Fail($"cannot reinterpret {source.OnnxName()} as {target.OnnxName()}: the widths differ.");
            }
            context.SetOutput(0, target, context.InputShape(0));
        });

    /// <summary>The element type named by <c>to</c>; strings and types this IR does not store are rejected.</summary>
    public static DataType TargetType(Node node)
    {
        var target = (DataType)node.GetInt("to", 0);
        return target != DataType.String && target.SizeOf() > 0
            ? target
            : throw new NotSupportedException($"BitCast to element type {target} is not supported; the IR stores bool, 8- to 64-bit integers, float16, bfloat16, float and double.");
    }
}
