using System.Numerics;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>A routine written once over the numeric element type; it reads and writes tensors it holds.</summary>
public interface INumericAction
{
    void Run<T>()
        where T : unmanaged, INumber<T>;
}

/// <summary>Runs an <see cref="INumericAction"/> with the .NET type of a numeric element type (half precision arrives widened).</summary>
public static class Numeric
{
    public static void Run<TAction>(DataType type, TAction action)
        where TAction : INumericAction
    {
        switch (type)
        {
            case DataType.Float: action.Run<float>(); break;
            case DataType.Double: action.Run<double>(); break;
            case DataType.Int8: action.Run<sbyte>(); break;
            case DataType.UInt8: action.Run<byte>(); break;
            case DataType.Int16: action.Run<short>(); break;
            case DataType.UInt16: action.Run<ushort>(); break;
            case DataType.Int32: action.Run<int>(); break;
            case DataType.UInt32: action.Run<uint>(); break;
            case DataType.Int64: action.Run<long>(); break;
            case DataType.UInt64: action.Run<ulong>(); break;
            case DataType.Float16: action.Run<Half>(); break;
            default: throw new NotSupportedException($"Element type {type.OnnxName()} is not supported here.");
        }
    }
}
