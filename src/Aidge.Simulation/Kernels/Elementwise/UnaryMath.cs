using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// The unary math functions of floating-point tensors. Most run vectorized through TensorPrimitives; Tanh and
/// Sinh run element by element because TensorPrimitives' versions (10.0) lose all precision for |x| below about
/// 1e-4, and Erf because .NET has no erf. Round rounds halves to even, as ONNX specifies.
/// </summary>
[Kernel("Sin", SinceVersion = 7)]
[Kernel("Cos", SinceVersion = 7)]
[Kernel("Tan", SinceVersion = 7)]
[Kernel("Asin", SinceVersion = 7)]
[Kernel("Acos", SinceVersion = 7)]
[Kernel("Atan", SinceVersion = 7)]
[Kernel("Sinh", SinceVersion = 9)]
[Kernel("Cosh", SinceVersion = 9)]
[Kernel("Tanh")]
[Kernel("Asinh", SinceVersion = 9)]
[Kernel("Acosh", SinceVersion = 9)]
[Kernel("Atanh", SinceVersion = 9)]
[Kernel("Exp")]
[Kernel("Log")]
[Kernel("Sqrt")]
[Kernel("Reciprocal")]
[Kernel("Erf", SinceVersion = 9)]
[Kernel("Ceil")]
[Kernel("Floor")]
[Kernel("Round", SinceVersion = 11)]
[Kernel("Sigmoid")]
public sealed class UnaryMathKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        switch (context.Node.OpType)
        {
            case "Sin": TensorPrimitives.Sin(x, result); break;
            case "Cos": TensorPrimitives.Cos(x, result); break;
            case "Tan": TensorPrimitives.Tan(x, result); break;
            case "Asin": TensorPrimitives.Asin(x, result); break;
            case "Acos": TensorPrimitives.Acos(x, result); break;
            case "Atan": TensorPrimitives.Atan(x, result); break;
            case "Sinh": new PerElement<Sinh<T>, T, T>(default).Invoke(x, result); break;
            case "Cosh": TensorPrimitives.Cosh(x, result); break;
            case "Tanh": new PerElement<Tanh<T>, T, T>(default).Invoke(x, result); break;
            case "Asinh": TensorPrimitives.Asinh(x, result); break;
            case "Acosh": TensorPrimitives.Acosh(x, result); break;
            case "Atanh": TensorPrimitives.Atanh(x, result); break;
            case "Exp": TensorPrimitives.Exp(x, result); break;
            case "Log": TensorPrimitives.Log(x, result); break;
            case "Sqrt": TensorPrimitives.Sqrt(x, result); break;
            case "Reciprocal": TensorPrimitives.Reciprocal(x, result); break;
            case "Erf": new PerElement<Erf<T>, T, T>(default).Invoke(x, result); break;
            case "Ceil": TensorPrimitives.Ceiling(x, result); break;
            case "Floor": TensorPrimitives.Floor(x, result); break;
            case "Round": TensorPrimitives.Round(x, MidpointRounding.ToEven, result); break;
            default: TensorPrimitives.Sigmoid(x, result); break;
        }
    }

    private readonly struct Sinh<T> : IUnaryFunction<T, T>
        where T : IHyperbolicFunctions<T>
    {
        public T Invoke(T x) => T.Sinh(x);
    }

    private readonly struct Tanh<T> : IUnaryFunction<T, T>
        where T : IHyperbolicFunctions<T>
    {
        public T Invoke(T x) => T.Tanh(x);
    }

    private readonly struct Erf<T> : IUnaryFunction<T, T>
        where T : INumberBase<T>
    {
        public T Invoke(T x) => T.CreateTruncating(SpecialFunctions.Erf(double.CreateTruncating(x)));
    }
}
