using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// Elementwise operators of two (or, for Sum/Mean/Max/Min, any number of) broadcast inputs (the shared
/// <see cref="BinaryRows"/>), each pass an OpenMP loop; Mean then scales the sum by 1/count.
/// </summary>
[OpenMpEmitter("Add")]
[OpenMpEmitter("Sub")]
[OpenMpEmitter("Mul")]
[OpenMpEmitter("Div")]
[OpenMpEmitter("Pow")]
[OpenMpEmitter("PRelu")]
[OpenMpEmitter("Sum")]
[OpenMpEmitter("Mean")]
[OpenMpEmitter("Max")]
[OpenMpEmitter("Min")]
[OpenMpEmitter("Equal")]
[OpenMpEmitter("Greater")]
[OpenMpEmitter("Less")]
[OpenMpEmitter("GreaterOrEqual")]
[OpenMpEmitter("LessOrEqual")]
[OpenMpEmitter("And")]
[OpenMpEmitter("Or")]
[OpenMpEmitter("Xor")]
[OpenMpEmitter("BitwiseAnd")]
[OpenMpEmitter("BitwiseOr")]
[OpenMpEmitter("BitwiseXor")]
[OpenMpEmitter("BitShift")]
[OpenMpEmitter("Mod")]
public sealed class BinaryOps : INodeEmitter, IInPlaceEmitter
{
    /// <summary>See <see cref="BinaryRows.MayWriteOver"/>: each pass reads y[i]'s inputs before writing it.</summary>
    public bool MayWriteOver(Node node, int output, int input) => BinaryRows.MayWriteOver(node, output, input);

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = BinaryRows.Resolve(node, ElementTypeSets.WithHalf);
        if (operation.Steps.Count == 0)
        {
            yield return Copy.Call(node.Input(0), node.Output(0));
            yield break;
        }
        var helper = new BinaryHelper(operation.Key, operation.Input, operation.Second, operation.Output, operation.Expression)
        {
            Runtime = operation.UsesIntegerPower ? "aidge_ipow" : null,
        };
        foreach (var step in operation.Steps)
        {
            yield return helper.Call(step.A, step.B, node.Output(0), step.BDims);
        }
        if (operation.Scale is { } scale)
        {
            var output = node.Output(0);
            yield return UnaryOps.Helper("scale", output.Type, output.Type, "x * alpha").Call(output, output, scale);
        }
    }
}
