using System.Numerics;
using System.Numerics.Tensors;
using Tensor = Aidge.Core.Tensors.Tensor;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Converts a tensor to another element type with Cast's rules: floats to integers truncate toward zero, integers
/// to narrower integers keep the low bits, anything to bool tests for non-zero, float16 rounds to nearest even,
/// bfloat16 goes through float32 (exact one way, rounded to nearest even the other), strings parse and format.
/// </summary>
public static class ElementConversion
{
    public static Tensor Convert(Tensor x, DataType target)
    {
        if (x.Type == target)
        {
            return x;
        }
        if (x.Type == DataType.String)
        {
            return Convert(StringConversion.Parse(x, target), target);
        }
        if (target == DataType.String)
        {
            return StringConversion.Format(x);
        }
        if (x.Type == DataType.BFloat16)
        {
            return Convert(HalfPrecision.Widen(x), target);
        }
        if (target == DataType.BFloat16)
        {
            return HalfPrecision.Narrow(Convert(x, DataType.Float), DataType.BFloat16);
        }
        return target == DataType.Bool
            ? ElementTypes.Scalar<NonZero, Tensor>(x.Type, new(x))
            : ElementTypes.Scalar<FromSource, Tensor>(x.Type, new(x, target));
    }

    private readonly struct FromSource(Tensor x, DataType target) : IScalarFunction<Tensor>
    {
        public Tensor Invoke<TFrom>()
            where TFrom : unmanaged, INumberBase<TFrom> =>
            ElementTypes.Scalar<ToTarget<TFrom>, Tensor>(target, new(x, target));
    }

    private readonly struct ToTarget<TFrom>(Tensor x, DataType target) : IScalarFunction<Tensor>
        where TFrom : unmanaged, INumberBase<TFrom>
    {
        public Tensor Invoke<TTo>()
            where TTo : unmanaged, INumberBase<TTo>
        {
            var result = Tensor.Create(target, (long[])x.Dims.Clone());
            TensorPrimitives.ConvertTruncating<TFrom, TTo>(x.Span<TFrom>(), result.Span<TTo>());
            return result;
        }
    }

    private readonly struct NonZero(Tensor x) : IScalarFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumberBase<T>
        {
            var result = Tensor.Create(DataType.Bool, (long[])x.Dims.Clone());
            var source = x.Span<T>();
            var destination = result.Span<bool>();
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = source[i] != T.Zero;
            }
            return result;
        }
    }
}
