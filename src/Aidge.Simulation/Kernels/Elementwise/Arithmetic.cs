using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

[Kernel("Add")]
public sealed class AddKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) =>
        Broadcast.Combine<AddOperation<T>, T, T, T>(x, y, x.Type, default);
}

[Kernel("Sub")]
public sealed class SubKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) =>
        Broadcast.Combine<SubtractOperation<T>, T, T, T>(x, y, x.Type, default);
}

[Kernel("Mul")]
public sealed class MulKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) =>
        Broadcast.Combine<MultiplyOperation<T>, T, T, T>(x, y, x.Type, default);
}

/// <summary>Div; integer division truncates toward zero (as the ONNX test data expects, unlike numpy's floor division).</summary>
[Kernel("Div")]
public sealed class DivKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) =>
        Broadcast.Combine<DivideOperation<T>, T, T, T>(x, y, x.Type, default);
}
