using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>IsNaN, and IsInf with its detect_positive / detect_negative switches; both give bool tensors.</summary>
[Kernel("IsNaN", SinceVersion = 9)]
[Kernel("IsInf", SinceVersion = 10)]
public sealed class FloatClassificationKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var test = context.Node.OpType == "IsNaN"
            ? Test.NaN
            : (context.GetInt("detect_positive") != 0, context.GetInt("detect_negative") != 0) switch
            {
                (true, true) => Test.Infinity,
                (true, false) => Test.PositiveInfinity,
                (false, true) => Test.NegativeInfinity,
                _ => Test.Nothing,
            };
        context.SetOutput(0, ElementTypes.Float<Classify, Tensor>(x.Type, new(x, test)));
    }

    private enum Test
    {
        NaN,
        Infinity,
        PositiveInfinity,
        NegativeInfinity,
        Nothing,
    }

    private readonly struct Classify(Tensor x, Test test) : IFloatFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>
        {
            var result = Tensor.Create(DataType.Bool, (long[])x.Dims.Clone());
            var source = x.Span<T>();
            var destination = result.Span<bool>();
            switch (test)
            {
                case Test.NaN:
                    TensorPrimitives.IsNaN(source, destination);
                    break;
                case Test.Infinity:
                    TensorPrimitives.IsInfinity(source, destination);
                    break;
                case Test.PositiveInfinity:
                    TensorPrimitives.IsPositiveInfinity(source, destination);
                    break;
                case Test.NegativeInfinity:
                    TensorPrimitives.IsNegativeInfinity(source, destination);
                    break;
            }
            return result;
        }
    }
}
