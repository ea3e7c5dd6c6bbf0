using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>Equal over numbers, bools (their 0/1 bytes) and strings (ordinal); NaN equals nothing.</summary>
[Kernel("Equal")]
public sealed class EqualKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => Compare<EqualTo<T>, T>(x, y);

    protected override Tensor ApplyNonNumeric(Tensor x, Tensor y, KernelContext context)
    {
        if (x.Type == DataType.Bool)
        {
            return Compare<EqualTo<byte>, byte>(x, y);
        }
        if (x.Type != DataType.String)
        {
            throw ElementTypes.Unsupported(x.Type, "a numeric, bool or string type");
        }
        var plan = BroadcastPlan.Create(x.Dims, y.Dims);
        var result = Tensor.Create(DataType.Bool, plan.OutputDims);
        Broadcast.Combine<PerElement<OrdinalEqual, string, string, bool>, string, string, bool>(
            plan, x.Strings, y.Strings, result.Span<bool>(), default);
        return result;
    }

    internal static Tensor Compare<TFunction, T>(Tensor x, Tensor y)
        where TFunction : struct, IBinaryFunction<T, T, bool>
        where T : unmanaged =>
        Broadcast.Combine<PerElement<TFunction, T, T, bool>, T, T, bool>(x, y, DataType.Bool, default);

    private readonly struct EqualTo<T> : IBinaryFunction<T, T, bool>
        where T : IEqualityOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x == y;
    }

    private readonly struct OrdinalEqual : IBinaryFunction<string, string, bool>
    {
        public bool Invoke(string x, string y) => string.Equals(x, y, StringComparison.Ordinal);
    }
}

[Kernel("Greater")]
public sealed class GreaterKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => EqualKernel.Compare<GreaterThan<T>, T>(x, y);

    private readonly struct GreaterThan<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x > y;
    }
}

[Kernel("GreaterOrEqual", SinceVersion = 12)]
public sealed class GreaterOrEqualKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => EqualKernel.Compare<AtLeast<T>, T>(x, y);

    private readonly struct AtLeast<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x >= y;
    }
}

[Kernel("Less")]
public sealed class LessKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => EqualKernel.Compare<LessThan<T>, T>(x, y);

    private readonly struct LessThan<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x < y;
    }
}

[Kernel("LessOrEqual", SinceVersion = 12)]
public sealed class LessOrEqualKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => EqualKernel.Compare<AtMost<T>, T>(x, y);

    private readonly struct AtMost<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x <= y;
    }
}
