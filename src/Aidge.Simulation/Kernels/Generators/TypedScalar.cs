using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Generators;

/// <summary>One-element tensors of any numeric (or bool) type from a double: fill values, ones, zeros.</summary>
public static class TypedScalar
{
    /// <summary>The value converted to <paramref name="type"/> (saturating for integers, nonzero is true for bool).</summary>
    public static Tensor Of(DataType type, double value)
    {
        var tensor = Tensor.Create(type);
        switch (type)
        {
            case DataType.Float: tensor.Span<float>()[0] = (float)value; break;
            case DataType.Double: tensor.Span<double>()[0] = value; break;
            case DataType.Float16: tensor.Span<Half>()[0] = (Half)value; break;
            case DataType.BFloat16: tensor.Span<BFloat16>()[0] = BFloat16.FromSingle((float)value); break;
            case DataType.Bool: tensor.Span<byte>()[0] = value != 0 ? (byte)1 : (byte)0; break;
            case DataType.Int8: tensor.Span<sbyte>()[0] = sbyte.CreateSaturating(value); break;
            case DataType.UInt8: tensor.Span<byte>()[0] = byte.CreateSaturating(value); break;
            case DataType.Int16: tensor.Span<short>()[0] = short.CreateSaturating(value); break;
            case DataType.UInt16: tensor.Span<ushort>()[0] = ushort.CreateSaturating(value); break;
            case DataType.Int32: tensor.Span<int>()[0] = int.CreateSaturating(value); break;
            case DataType.UInt32: tensor.Span<uint>()[0] = uint.CreateSaturating(value); break;
            case DataType.Int64: tensor.Span<long>()[0] = long.CreateSaturating(value); break;
            case DataType.UInt64: tensor.Span<ulong>()[0] = ulong.CreateSaturating(value); break;
            default: throw new NotSupportedException($"No {type.OnnxName()} value can be made from a number.");
        }
        return tensor;
    }
}
