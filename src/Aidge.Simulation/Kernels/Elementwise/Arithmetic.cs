using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Add, Sub, Mul and Div with broadcasting, vectorized. Integer arithmetic wraps on overflow; integer division
/// truncates toward zero (as the ONNX test data expects, unlike numpy's floor division) and fails on a zero divisor.
/// </summary>
[Kernel("Add")]
[Kernel("Sub")]
[Kernel("Mul")]
[Kernel("Div")]
public sealed class ArithmeticKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => context.Node.OpType switch
    {
        "Add" => Broadcast.Combine<AddOperation<T>, T, T, T>(x, y, x.Type, default),
        "Sub" => Broadcast.Combine<SubtractOperation<T>, T, T, T>(x, y, x.Type, default),
        "Mul" => Broadcast.Combine<MultiplyOperation<T>, T, T, T>(x, y, x.Type, default),
        _ => Broadcast.Combine<DivideOperation<T>, T, T, T>(x, y, x.Type, default),
    };
}
