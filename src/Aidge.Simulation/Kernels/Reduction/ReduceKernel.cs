using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Operators.Reduction;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Reduction;

/// <summary>
/// The ten Reduce* operators over one <see cref="ReductionPlan"/>: each is a fold (sum, product, max, min)
/// with an optional elementwise step before it (abs, square) and after it (mean, sqrt, log).
/// </summary>
[Kernel("ReduceSum")]
[Kernel("ReduceMean")]
[Kernel("ReduceMax")]
[Kernel("ReduceMin")]
[Kernel("ReduceProd")]
[Kernel("ReduceL1")]
[Kernel("ReduceL2")]
[Kernel("ReduceLogSum")]
[Kernel("ReduceLogSumExp")]
[Kernel("ReduceSumSquare")]
public sealed class ReduceKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        // Before axes became an input they were an attribute; a node has one or the other.
        long[]? axes = context.HasInput(1) ? context.Input(1).ToInt64Array() : context.Node.GetInts("axes");
        bool noop = context.GetInt("noop_with_empty_axes", 0) != 0;
        bool keepDims = context.GetInt("keepdims", 1) != 0;
        var reduced = ReductionAxes.Resolve(axes, data.Rank, noop);
        var plan = new ReductionPlan(data.Dims, reduced);
        var result = Tensor.Create(data.Type, ReductionAxes.OutputDims(data.Dims, reduced, keepDims, 1L));
        string op = context.Node.OpType;
        if (op == "ReduceLogSumExp")
        {
            ElementTypes.Float<LogSumExpFunction, bool>(data.Type, new LogSumExpFunction(plan, data, result));
        }
        else if (data.Type == DataType.Bool && op is "ReduceMax" or "ReduceMin")
        {
            // Booleans are 0/1 bytes, so max is "any" and min is "all".
            Reduce<byte>(op, plan, data, result);
        }
        else
        {
            ElementTypes.Numeric<ReduceFunction, bool>(data.Type, new ReduceFunction(op, plan, data, result));
        }
        context.SetOutput(0, result);
    }

    private static void Reduce<T>(string op, ReductionPlan plan, Tensor data, Tensor result)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        ReadOnlySpan<T> input = data.Span<T>();
        var output = result.Span<T>();
        switch (op)
        {
            case "ReduceMax":
                Fold<T, MaxOperator<T>>(plan, input, output);
                return;
            case "ReduceMin":
                Fold<T, MinOperator<T>>(plan, input, output);
                return;
            case "ReduceProd":
                Fold<T, ProductOperator<T>>(plan, input, output);
                return;
            case "ReduceSum":
                Fold<T, SumOperator<T>>(plan, input, output);
                return;
            case "ReduceMean":
                Fold<T, SumOperator<T>>(plan, input, output);
                double count = plan.ReducedCount;
                Map(output, sum => sum / count);
                return;
            case "ReduceL1":
                var magnitudes = new T[input.Length];
                TensorPrimitives.Abs(input, magnitudes);
                Fold<T, SumOperator<T>>(plan, magnitudes, output);
                return;
            case "ReduceSumSquare":
            case "ReduceL2":
                var squares = new T[input.Length];
                TensorPrimitives.Multiply(input, input, squares);
                Fold<T, SumOperator<T>>(plan, squares, output);
                if (op == "ReduceL2")
                {
                    Map(output, Math.Sqrt);
                }
                return;
            case "ReduceLogSum":
                Fold<T, SumOperator<T>>(plan, input, output);
                Map(output, Math.Log);
                return;
            default:
                throw new NotSupportedException($"{op} does not support {data.Type.OnnxName()} tensors.");
        }
    }

    private static void Fold<T, TOperator>(ReductionPlan plan, ReadOnlySpan<T> input, Span<T> output)
        where TOperator : IReductionOperator<T>
    {
        output.Fill(TOperator.Identity);
        plan.Accumulate<T, TOperator>(input, output);
    }

    /// <summary>The step after the fold, in double so integer outputs truncate the exact value, as numpy's astype does.</summary>
    private static void Map<T>(Span<T> values, Func<double, double> step)
        where T : INumber<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(step(double.CreateTruncating(values[i])));
        }
    }

    /// <summary>log(sum(exp(x))) computed as max + log(sum(exp(x - max))) so large inputs do not overflow.</summary>
    private static void LogSumExp<T>(ReductionPlan plan, Tensor data, Tensor result)
        where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        ReadOnlySpan<T> input = data.Span<T>();
        var output = result.Span<T>();
        var shift = new T[output.Length];
        Fold<T, MaxOperator<T>>(plan, input, shift);
        for (int i = 0; i < shift.Length; i++)
        {
            // An all -inf (or empty) slice keeps its -inf result without producing inf - inf.
            shift[i] = T.IsFinite(shift[i]) ? shift[i] : T.Zero;
        }
        output.Clear();
        var exponentials = new T[plan.RunLength];
        for (int run = 0; run < plan.RunCount; run++)
        {
            var (i, o) = plan.RunStart(run);
            var slice = input.Slice(i, plan.RunLength);
            if (plan.InnerReduced)
            {
                TensorPrimitives.Subtract(slice, shift[o], exponentials);
                TensorPrimitives.Exp(exponentials, exponentials);
                output[o] += TensorPrimitives.Sum<T>(exponentials);
            }
            else
            {
                var target = output.Slice(o, plan.RunLength);
                TensorPrimitives.Subtract(slice, shift.AsSpan(o, plan.RunLength), exponentials);
                TensorPrimitives.Exp(exponentials, exponentials);
                TensorPrimitives.Add(target, exponentials, target);
            }
        }
        TensorPrimitives.Log(output, output);
        TensorPrimitives.Add(output, shift, output);
    }

    private readonly struct ReduceFunction(string op, ReductionPlan plan, Tensor data, Tensor result) : INumericFunction<bool>
    {
        public bool Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            Reduce<T>(op, plan, data, result);
            return true;
        }
    }

    private readonly struct LogSumExpFunction(ReductionPlan plan, Tensor data, Tensor result) : IFloatFunction<bool>
    {
        public bool Invoke<T>()
            where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>
        {
            LogSumExp<T>(plan, data, result);
            return true;
        }
    }
}
