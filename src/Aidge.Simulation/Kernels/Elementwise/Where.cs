using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Where(condition, X, Y) with broadcasting. It only moves elements, so it works on raw storage by element size
/// (any type of that size, float16 included without widening) and on strings.
/// </summary>
[Kernel("Where", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class WhereKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var condition = context.Input(0);
        var x = context.Input(1);
        var y = context.Input(2);
        if (condition.Type != DataType.Bool || x.Type != y.Type)
        {
            throw new ArgumentException($"Where needs a bool condition and branches of one type, got {condition.Type.OnnxName()}, {x.Type.OnnxName()} and {y.Type.OnnxName()}.");
        }
        var plan = BroadcastPlan.Create(condition.Dims, x.Dims, y.Dims);
        var flags = condition.Span<bool>();
        if (x.Type == DataType.String)
        {
            var strings = new string[plan.OutputLength];
            Broadcast.Combine<Select<string>, bool, string, string, string>(plan, flags, x.Strings, y.Strings, strings, default);
            context.SetOutput(0, Tensor.FromStrings(plan.OutputDims, strings));
            return;
        }
        var result = Tensor.Create(x.Type, plan.OutputDims);
        switch (x.Type.SizeOf())
        {
            case 1:
                Broadcast.Combine<Select<byte>, bool, byte, byte, byte>(plan, flags, x.Span<byte>(), y.Span<byte>(), result.Span<byte>(), default);
                break;
            case 2:
                Broadcast.Combine<Select<ushort>, bool, ushort, ushort, ushort>(plan, flags, x.Span<ushort>(), y.Span<ushort>(), result.Span<ushort>(), default);
                break;
            case 4:
                Broadcast.Combine<Select<uint>, bool, uint, uint, uint>(plan, flags, x.Span<uint>(), y.Span<uint>(), result.Span<uint>(), default);
                break;
            default:
                Broadcast.Combine<Select<ulong>, bool, ulong, ulong, ulong>(plan, flags, x.Span<ulong>(), y.Span<ulong>(), result.Span<ulong>(), default);
                break;
        }
        context.SetOutput(0, result);
    }

    private readonly struct Select<T> : ITernaryFunction<bool, T, T, T>
    {
        public T Invoke(bool condition, T x, T y) => condition ? x : y;
    }
}
