using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sequence;

/// <summary>
/// SequenceMap: runs the body once per position of the input sequence; sequence inputs feed the body their
/// tensor at that position, tensor inputs feed it whole. Body output j at every position forms output sequence j.
/// </summary>
[Kernel("SequenceMap", SinceVersion = 17, WidenHalfPrecision = false)]
public sealed class SequenceMapKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var body = context.Node.GetGraph("body")!;
        int count = SequenceValues.Input(context, 0).Count;
        var inputs = Enumerable.Range(0, context.InputCount).Select(context.InputValue).ToArray();
        if (inputs.OfType<TensorSequence>().Any(s => s.Count != count))
        {
            throw new ArgumentException("Every sequence input of SequenceMap must have the same length.");
        }
        var outputs = new TensorSequence[context.OutputCount];
        for (int j = 0; j < outputs.Length; j++)
        {
            outputs[j] = new TensorSequence { ElementType = context.OutputType(j) };
        }
        var bodyInputs = new object?[inputs.Length];
        for (int position = 0; position < count; position++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                bodyInputs[i] = inputs[i] is TensorSequence sequence ? sequence[position] : inputs[i];
            }
            var results = context.RunSubgraph(body, bodyInputs);
            for (int j = 0; j < outputs.Length; j++)
            {
                outputs[j].Add(results[j] as Tensor ?? throw new ArgumentException($"The SequenceMap body must return tensors (output {j})."));
            }
        }
        for (int j = 0; j < outputs.Length; j++)
        {
            context.SetOutputValue(j, outputs[j]);
        }
    }
}
