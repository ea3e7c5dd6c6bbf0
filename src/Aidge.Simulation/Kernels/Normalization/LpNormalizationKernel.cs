using System.Numerics.Tensors;
using Aidge.Core.Operators;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Reduction;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>LpNormalization: x / ||x||_p along one axis (p = 1 or 2), 0 where the norm is 0.</summary>
[Kernel("LpNormalization")]
public sealed class LpNormalizationKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        long p = context.GetInt("p");
        var reduced = new bool[x.Rank];
        reduced[ShapeMath.NormalizeAxis(context.GetInt("axis"), x.Rank)] = true;
        var plan = new ReductionPlan(x.Dims, reduced);
        ReadOnlySpan<T> input = x.Span<T>();
        var terms = new T[input.Length];
        switch (p)
        {
            case 1:
                TensorPrimitives.Abs(input, terms);
                break;
            case 2:
                TensorPrimitives.Multiply(input, input, terms);
                break;
            default:
                throw new NotSupportedException($"LpNormalization supports p = 1 or 2, not {p}.");
        }
        var norms = new T[plan.RunCount == 0 ? 0 : input.Length / (int)plan.ReducedCount];
        plan.Accumulate<T, SumOperator<T>>(terms, norms);
        if (p == 2)
        {
            TensorPrimitives.Sqrt(norms, norms);
        }
        plan.Expand<T>(norms, terms);
        var y = new T[input.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = terms[i] == T.Zero ? T.Zero : input[i] / terms[i];
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), x.Dims, y));
    }
}
