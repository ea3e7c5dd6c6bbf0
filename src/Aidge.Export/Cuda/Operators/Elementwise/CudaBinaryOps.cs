using Aidge.Core.Graphs;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>
/// Elementwise operators of two (or, for Sum/Mean/Max/Min, any number of) broadcast inputs: the shared
/// <see cref="BinaryRows"/>, each pass a CUDA kernel; Mean then scales the sum by 1/count. Integer Pow, which needs
/// the exact integer power helper, is left to the other targets.
/// </summary>
[CudaEmitter("Add")]
[CudaEmitter("Sub")]
[CudaEmitter("Mul")]
[CudaEmitter("Div")]
[CudaEmitter("Pow")]
[CudaEmitter("PRelu")]
[CudaEmitter("Sum")]
[CudaEmitter("Mean")]
[CudaEmitter("Max")]
[CudaEmitter("Min")]
[CudaEmitter("Equal")]
[CudaEmitter("Greater")]
[CudaEmitter("Less")]
[CudaEmitter("GreaterOrEqual")]
[CudaEmitter("LessOrEqual")]
[CudaEmitter("And")]
[CudaEmitter("Or")]
[CudaEmitter("Xor")]
[CudaEmitter("BitwiseAnd")]
[CudaEmitter("BitwiseOr")]
[CudaEmitter("BitwiseXor")]
[CudaEmitter("BitShift")]
[CudaEmitter("Mod")]
public sealed class CudaBinaryOps : INodeEmitter, IInPlaceEmitter
{
    public bool MayWriteOver(Node node, int output, int input) => BinaryRows.MayWriteOver(node, output, input);

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = BinaryRows.Resolve(node, CudaTypes.Held);
        if (operation.UsesIntegerPower)
        {
            throw node.Unsupported("integer Pow is not supported by the CUDA target");
        }
        var output = node.Output(0);
        if (operation.Steps.Count == 0)
        {
            return [CudaCopy.Call(node.Input(0), output)];
        }
        var kernel = new CudaElementwiseKernel(operation.Key, operation.Input, operation.Second, operation.Output, operation.Expression);
        var calls = operation.Steps.Select(step => kernel.Call(node, step.A, step.B, output, step.BDims)).ToList();
        if (operation.Scale is { } scale)
        {
            calls.Add(CudaElementwiseKernel.Unary(UnaryRows.Operation("scale", output.Type, output.Type, "x * alpha")).Call(output, output, scale));
        }
        return calls;
    }
}
