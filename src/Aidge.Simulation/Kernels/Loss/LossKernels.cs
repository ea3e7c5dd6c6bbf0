using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Normalization;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Loss;

/// <summary>
/// NegativeLogLikelihoodLoss on log-probabilities, and SoftmaxCrossEntropyLoss, which takes the log-softmax of
/// the scores over the class axis (axis 1) first and can return it as a second output.
/// </summary>
[Kernel("NegativeLogLikelihoodLoss", SinceVersion = 12)]
[Kernel("SoftmaxCrossEntropyLoss", SinceVersion = 12)]
public sealed class LossKernels : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var input = context.Input(0);
        ReadOnlySpan<T> logProbabilities = input.Span<T>();
        if (context.Node.OpType == "SoftmaxCrossEntropyLoss")
        {
            var logSoftmax = new T[input.Length];
            if (input.Rank < 2)
            {
                throw new ArgumentException($"The scores need shape [N, C, ...], got rank {input.Rank}.");
            }
            int classes = (int)input.Dims[1];
            int inner = input.Dims[0] * classes == 0 ? 0 : (int)(input.Length / (input.Dims[0] * classes));
            SoftmaxMath.Softmax<T>(logProbabilities, logSoftmax, classes, inner, log: true);
            logProbabilities = logSoftmax;
            if (context.HasOutput(1))
            {
                context.SetOutput(1, TensorOf<T>(context.OutputType(1), input.Dims, logSoftmax));
            }
        }
        var weights = context.OptionalInput(2) is { } w ? ValuesAs<T>(w) : ReadOnlySpan<T>.Empty;
        long? ignoreIndex = context.Node.FindAttribute("ignore_index")?.AsInt();
        var (values, dims) = NegativeLogLikelihood.Compute(logProbabilities, input.Dims, context.Input(1), weights, ignoreIndex, context.GetString("reduction"));
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), dims, values));
    }
}
