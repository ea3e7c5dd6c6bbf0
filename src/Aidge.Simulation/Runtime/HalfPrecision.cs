using Aidge.Core.Tensors;

namespace Aidge.Simulation.Runtime;

/// <summary>Widening of float16/bfloat16 tensors to float32 and narrowing back (round to nearest even).</summary>
public static class HalfPrecision
{
    public static Tensor Widen(Tensor tensor)
    {
        var result = Tensor.Create(DataType.Float, tensor.Dims);
        var dst = result.Span<float>();
        if (tensor.Type == DataType.Float16)
        {
            var src = tensor.Span<Half>();
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = (float)src[i];
            }
        }
        else
        {
            var src = tensor.Span<BFloat16>();
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = src[i].ToSingle();
            }
        }
        return result;
    }

    public static Tensor Narrow(Tensor tensor, DataType type)
    {
        var result = Tensor.Create(type, tensor.Dims);
        var src = tensor.Span<float>();
        if (type == DataType.Float16)
        {
            var dst = result.Span<Half>();
            for (int i = 0; i < src.Length; i++)
            {
                dst[i] = (Half)src[i];
            }
        }
        else
        {
            var dst = result.Span<BFloat16>();
            for (int i = 0; i < src.Length; i++)
            {
                dst[i] = BFloat16.FromSingle(src[i]);
            }
        }
        return result;
    }
}
