using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Max, Min, Sum and Mean of one or more inputs, folded pairwise with broadcasting (each step's output
/// broadcasts with the next input, which gives the broadcast of all). A single input is returned as it is.
/// </summary>
[Kernel("Max")]
[Kernel("Min")]
[Kernel("Sum")]
[Kernel("Mean")]
public sealed class VariadicKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var inputs = Enumerable.Range(0, context.InputCount).Where(context.HasInput).Select(context.Input).ToList();
        if (inputs.Count == 0)
        {
            throw new ArgumentException($"{context.Node.OpType} needs at least one input.");
        }
        if (inputs.Any(t => t.Type != inputs[0].Type))
        {
            throw new ArgumentException($"{context.Node.OpType} needs inputs of one element type.");
        }
        context.SetOutput(0, ElementTypes.Numeric<Fold, Tensor>(inputs[0].Type, new(context.Node.OpType, inputs)));
    }

    private readonly struct Fold(string opType, List<Tensor> inputs) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var accumulated = inputs[0];
            foreach (var next in inputs.Skip(1))
            {
                accumulated = opType switch
                {
                    "Max" => Broadcast.Combine<MaxOperation<T>, T, T, T>(accumulated, next, accumulated.Type, default),
                    "Min" => Broadcast.Combine<MinOperation<T>, T, T, T>(accumulated, next, accumulated.Type, default),
                    _ => Broadcast.Combine<AddOperation<T>, T, T, T>(accumulated, next, accumulated.Type, default),
                };
            }
            if (opType != "Mean")
            {
                return accumulated;
            }
            var mean = Tensor.Create(accumulated.Type, (long[])accumulated.Dims.Clone());
            TensorPrimitives.Divide(accumulated.Span<T>(), T.CreateTruncating(inputs.Count), mean.Span<T>());
            return mean;
        }
    }
}
