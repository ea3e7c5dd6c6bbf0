using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Comparisons with broadcasting, giving bool tensors; comparisons with NaN are false. Equal also compares bools
/// (their 0/1 bytes) and strings (ordinally).
/// </summary>
[Kernel("Equal")]
[Kernel("Greater")]
[Kernel("GreaterOrEqual", SinceVersion = 12)]
[Kernel("Less")]
[Kernel("LessOrEqual", SinceVersion = 12)]
public sealed class ComparisonKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => context.Node.OpType switch
    {
        "Equal" => Compare<EqualTo<T>, T>(x, y),
        "Greater" => Compare<GreaterThan<T>, T>(x, y),
        "GreaterOrEqual" => Compare<AtLeast<T>, T>(x, y),
        "Less" => Compare<LessThan<T>, T>(x, y),
        _ => Compare<AtMost<T>, T>(x, y),
    };

    protected override Tensor ApplyNonNumeric(Tensor x, Tensor y, KernelContext context)
    {
        if (context.Node.OpType != "Equal" || x.Type is not (DataType.Bool or DataType.String))
        {
            return base.ApplyNonNumeric(x, y, context);
        }
        if (x.Type == DataType.Bool)
        {
            return Compare<EqualTo<byte>, byte>(x, y);
        }
        var plan = BroadcastPlan.Create(x.Dims, y.Dims);
        var result = Tensor.Create(DataType.Bool, plan.OutputDims);
        Broadcast.Combine<PerElement<OrdinalEqual, string, string, bool>, string, string, bool>(
            plan, x.Strings, y.Strings, result.Span<bool>(), default);
        return result;
    }

    private static Tensor Compare<TFunction, T>(Tensor x, Tensor y)
        where TFunction : struct, IBinaryFunction<T, T, bool>
        where T : unmanaged =>
        Broadcast.Combine<PerElement<TFunction, T, T, bool>, T, T, bool>(x, y, DataType.Bool, default);

    private readonly struct EqualTo<T> : IBinaryFunction<T, T, bool>
        where T : IEqualityOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x == y;
    }

    private readonly struct GreaterThan<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x > y;
    }

    private readonly struct AtLeast<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x >= y;
    }

    private readonly struct LessThan<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x < y;
    }

    private readonly struct AtMost<T> : IBinaryFunction<T, T, bool>
        where T : IComparisonOperators<T, T, bool>
    {
        public bool Invoke(T x, T y) => x <= y;
    }

    private readonly struct OrdinalEqual : IBinaryFunction<string, string, bool>
    {
        public bool Invoke(string x, string y) => string.Equals(x, y, StringComparison.Ordinal);
    }
}
