using System.Numerics;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Common;

/// <summary>Generic code over a floating-point element type (float and double; half types arrive widened).</summary>
public interface IFloatFunction<TResult>
{
    TResult Invoke<T>()
        where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>;
}

/// <summary>Generic code over an integer element type (int8 to uint64).</summary>
public interface IIntegerFunction<TResult>
{
    TResult Invoke<T>()
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>;
}

/// <summary>Generic code over any numeric element type.</summary>
public interface INumericFunction<TResult>
{
    TResult Invoke<T>()
        where T : unmanaged, INumber<T>, IMinMaxValue<T>;
}

/// <summary>Generic code over any scalar storage type, float16 included (conversions).</summary>
public interface IScalarFunction<TResult>
{
    TResult Invoke<T>()
        where T : unmanaged, INumberBase<T>;
}

/// <summary>
/// Calls generic code with the .NET type that stores a <see cref="DataType"/>. The function is a struct, so each
/// instantiation is compiled for its element type; the switch runs once per kernel call, never per element.
/// </summary>
public static class ElementTypes
{
    public static TResult Float<TFunction, TResult>(DataType type, TFunction function)
        where TFunction : struct, IFloatFunction<TResult> => type switch
        {
            DataType.Float => function.Invoke<float>(),
            DataType.Double => function.Invoke<double>(),
            _ => throw Unsupported(type, "float or double"),
        };

    public static TResult Integer<TFunction, TResult>(DataType type, TFunction function)
        where TFunction : struct, IIntegerFunction<TResult> => type switch
        {
            DataType.Int8 => function.Invoke<sbyte>(),
            DataType.UInt8 => function.Invoke<byte>(),
            DataType.Int16 => function.Invoke<short>(),
            DataType.UInt16 => function.Invoke<ushort>(),
            DataType.Int32 => function.Invoke<int>(),
            DataType.UInt32 => function.Invoke<uint>(),
            DataType.Int64 => function.Invoke<long>(),
            DataType.UInt64 => function.Invoke<ulong>(),
            _ => throw Unsupported(type, "an integer type"),
        };

    public static TResult Numeric<TFunction, TResult>(DataType type, TFunction function)
        where TFunction : struct, INumericFunction<TResult> => type switch
        {
            DataType.Float => function.Invoke<float>(),
            DataType.Double => function.Invoke<double>(),
            _ when type.IsInteger() => Integer<AsInteger<TFunction, TResult>, TResult>(type, new(function)),
            _ => throw Unsupported(type, "a numeric type"),
        };

    /// <summary>Every numeric type plus float16, and bool as its 0/1 byte storage.</summary>
    public static TResult Scalar<TFunction, TResult>(DataType type, TFunction function)
        where TFunction : struct, IScalarFunction<TResult> => type switch
        {
            DataType.Float16 => function.Invoke<Half>(),
            DataType.Bool => function.Invoke<byte>(),
            _ => Numeric<AsScalar<TFunction, TResult>, TResult>(type, new(function)),
        };

    public static NotSupportedException Unsupported(DataType type, string expected) =>
        new($"Element type {type.OnnxName()} is not supported here; expected {expected}.");

    private readonly struct AsInteger<TFunction, TResult>(TFunction function) : IIntegerFunction<TResult>
        where TFunction : struct, INumericFunction<TResult>
    {
        public TResult Invoke<T>()
            where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => function.Invoke<T>();
    }

    private readonly struct AsScalar<TFunction, TResult>(TFunction function) : INumericFunction<TResult>
        where TFunction : struct, IScalarFunction<TResult>
    {
        public TResult Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => function.Invoke<T>();
    }
}
