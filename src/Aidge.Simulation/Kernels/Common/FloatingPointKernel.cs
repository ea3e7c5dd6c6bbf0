using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// A kernel whose arithmetic is written once for float and double: the base class picks the instantiation
/// from the element type of input 0 (half-precision inputs arrive widened to float).
/// </summary>
public abstract class FloatingPointKernel : IKernel
{
    public void Execute(KernelContext context) => ElementTypes.Float<Dispatch, bool>(context.Input(0).Type, new Dispatch(this, context));

    protected abstract void Execute<T>(KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>;

    /// <summary>A tensor's elements as <typeparamref name="T"/>: its own storage when the type matches, else converted.</summary>
    protected static ReadOnlySpan<T> ValuesAs<T>(Tensor tensor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((typeof(T) == typeof(float) && tensor.Type == DataType.Float) || (typeof(T) == typeof(double) && tensor.Type == DataType.Double))
        {
            return tensor.Span<T>();
        }
        var values = new T[tensor.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(tensor.GetDouble(i));
        }
        return values;
    }

    /// <summary>
    /// A new tensor of the given floating-point type holding <paramref name="values"/>; half-precision types get
    /// float32, which the interpreter narrows.
    /// </summary>
    protected static Tensor TensorOf<T>(DataType type, long[] dims, ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        type = type.IsHalfPrecision() ? DataType.Float : type;
        var tensor = Tensor.Create(type, dims);
        switch (type)
        {
            case DataType.Float when typeof(T) == typeof(float):
            case DataType.Double when typeof(T) == typeof(double):
                values.CopyTo(tensor.Span<T>());
                break;
            case DataType.Float:
                var floats = tensor.Span<float>();
                for (int i = 0; i < values.Length; i++)
                {
                    floats[i] = float.CreateTruncating(values[i]);
                }
                break;
            case DataType.Double:
                var doubles = tensor.Span<double>();
                for (int i = 0; i < values.Length; i++)
                {
                    doubles[i] = double.CreateTruncating(values[i]);
                }
                break;
            default:
                throw new NotSupportedException($"Cannot produce a {type.OnnxName()} tensor here.");
        }
        return tensor;
    }

    private readonly struct Dispatch(FloatingPointKernel kernel, KernelContext context) : IFloatFunction<bool>
    {
        public bool Invoke<T>()
            where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>
        {
            kernel.Execute<T>(context);
            return true;
        }
    }
}
