using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Training;

/// <summary>
/// Shared driver of the training optimizers: reads the learning rate R and step count T, splits the variadic
/// inputs into one state per optimized tensor (X, G, accumulators...), lets the subclass update it element by
/// element in double, and writes the outputs (X_new, then the new accumulators) in the input's element type.
/// </summary>
public abstract class OptimizerKernel(int accumulators) : IKernel
{
    /// <summary>How many inputs each optimized tensor brings (X, G and the accumulators).</summary>
    private int InputKinds => 2 + accumulators;

    /// <summary>How many outputs each optimized tensor gets (X_new and the new accumulators).</summary>
    private int OutputKinds => 1 + accumulators;

    public void Execute(KernelContext context)
    {
        double rate = context.Input(0).GetDouble(0);
        long step = context.Input(1).GetInt64(0);
        int tensors = (context.InputCount - 2) / InputKinds;
        var inputs = new double[InputKinds][];
        var outputs = new double[OutputKinds][];
        for (int i = 0; i < tensors; i++)
        {
            var x = context.Input(2 + i);
            for (int kind = 0; kind < InputKinds; kind++)
            {
                var tensor = context.Input(2 + kind * tensors + i);
                if (tensor.Length != x.Length)
                {
                    throw new ArgumentException($"{context.Node.OpType}: input {2 + kind * tensors + i} has {tensor.Length} elements, X has {x.Length}.");
                }
                inputs[kind] = ToDoubles(tensor);
            }
            for (int kind = 0; kind < OutputKinds; kind++)
            {
                outputs[kind] = new double[x.Length];
            }
            Update(context, rate, step, inputs, outputs);
            for (int kind = 0; kind < OutputKinds; kind++)
            {
                int output = kind * tensors + i;
                if (context.HasOutput(output))
                {
                    context.SetOutput(output, FromDoubles(context.OutputType(output), x.Dims, outputs[kind]));
                }
            }
        }
    }

    /// <summary>Computes the outputs (X_new, accumulators...) of one optimized tensor from its inputs (X, G, accumulators...).</summary>
    protected abstract void Update(KernelContext context, double rate, long step, double[][] inputs, double[][] outputs);

    private static double[] ToDoubles(Tensor tensor)
    {
        var values = new double[tensor.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = tensor.GetDouble(i);
        }
        return values;
    }

    private static Tensor FromDoubles(DataType type, long[] dims, double[] values)
    {
        var tensor = Tensor.Create(type, dims);
        switch (type)
        {
            case DataType.Double:
                values.CopyTo(tensor.Span<double>());
                break;
            case DataType.Float:
                var floats = tensor.Span<float>();
                for (int i = 0; i < values.Length; i++)
                {
                    floats[i] = (float)values[i];
                }
                break;
            default:
                throw new NotSupportedException($"Optimizers produce float or double tensors, not {type.OnnxName()}.");
        }
        return tensor;
    }
}
