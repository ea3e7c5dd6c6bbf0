using System.Numerics.Tensors;
using Aidge.Core.Operators.Reduction;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Reduction;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// MeanVarianceNormalization: (x - E[x]) / (sqrt(E[x²] - E[x]²) + 1e-9) over the given axes, the formula of
/// the operator's function definition (including its epsilon added to the standard deviation).
/// </summary>
[Kernel("MeanVarianceNormalization", SinceVersion = 9)]
public sealed class MeanVarianceNormalizationKernel : FloatingPointKernel
{
    private const double Epsilon = 1e-9;

    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var reduced = ReductionAxes.Resolve(context.GetInts("axes"), x.Rank, noopWithEmptyAxes: false);
        var plan = new ReductionPlan(x.Dims, reduced);
        ReadOnlySpan<T> input = x.Span<T>();
        int outputs = ReductionAxes.OutputDims(x.Dims, reduced, true, 1L).Aggregate(1, (n, d) => n * (int)d);
        var mean = new T[outputs];
        var meanOfSquares = new T[outputs];
        var squares = new T[input.Length];
        TensorPrimitives.Multiply(input, input, squares);
        plan.Accumulate<T, SumOperator<T>>(input, mean);
        plan.Accumulate<T, SumOperator<T>>(squares, meanOfSquares);
        T count = T.CreateTruncating(plan.ReducedCount);
        TensorPrimitives.Divide(mean, count, mean);
        TensorPrimitives.Divide(meanOfSquares, count, meanOfSquares);
        // meanOfSquares becomes the divisor: sqrt(E[x²] - E[x]²) + epsilon.
        var meanSquared = new T[outputs];
        TensorPrimitives.Multiply(mean, mean, meanSquared);
        TensorPrimitives.Subtract(meanOfSquares, meanSquared, meanOfSquares);
        TensorPrimitives.Sqrt(meanOfSquares, meanOfSquares);
        TensorPrimitives.Add(meanOfSquares, T.CreateTruncating(Epsilon), meanOfSquares);
        var y = new T[input.Length];
        plan.Expand<T>(mean, y);
        TensorPrimitives.Subtract(input, y, y);
        plan.Expand<T>(meanOfSquares, squares);
        TensorPrimitives.Divide(y, squares, y);
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), x.Dims, y));
    }
}
