using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sequence;

// The basic sequence operators. Each returns a new sequence object: sequences, like tensors, are never
// mutated once produced, since several consumers may hold the same one.

[Kernel("SequenceEmpty", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SequenceEmptyKernel : IKernel
{
    public void Execute(KernelContext context) =>
        context.SetOutputValue(0, new TensorSequence { ElementType = (DataType)context.GetInt("dtype") });
}

[Kernel("SequenceConstruct", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SequenceConstructKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var tensors = Enumerable.Range(0, context.InputCount).Select(context.Input).ToList();
        if (tensors.Any(t => t.Type != tensors[0].Type))
        {
            throw new ArgumentException("Every tensor of a sequence must have the same element type.");
        }
        context.SetOutputValue(0, new TensorSequence(tensors) { ElementType = tensors[0].Type });
    }
}

[Kernel("SequenceAt", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SequenceAtKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var sequence = SequenceValues.Input(context, 0);
        context.SetOutput(0, sequence[SequenceValues.Position(context.Input(1), sequence.Count, allowEnd: false)]);
    }
}

[Kernel("SequenceInsert", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SequenceInsertKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var sequence = SequenceValues.Input(context, 0);
        var tensor = context.Input(1);
        if (sequence.ElementType != DataType.Undefined && tensor.Type != sequence.ElementType)
        {
            throw new ArgumentException($"Cannot insert a {tensor.Type.OnnxName()} tensor into a sequence of {sequence.ElementType.OnnxName()}.");
        }
        int position = context.OptionalInput(2) is { } p ? SequenceValues.Position(p, sequence.Count, allowEnd: true) : sequence.Count;
        var result = new TensorSequence(sequence) { ElementType = tensor.Type };
        result.Insert(position, tensor);
        context.SetOutputValue(0, result);
    }
}

[Kernel("SequenceErase", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SequenceEraseKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var sequence = SequenceValues.Input(context, 0);
        int position = context.OptionalInput(1) is { } p ? SequenceValues.Position(p, sequence.Count, allowEnd: false) : sequence.Count - 1;
        if (position < 0)
        {
            throw new ArgumentException("Cannot erase from an empty sequence.");
        }
        var result = new TensorSequence(sequence) { ElementType = sequence.ElementType };
        result.RemoveAt(position);
        context.SetOutputValue(0, result);
    }
}

[Kernel("SequenceLength", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SequenceLengthKernel : IKernel
{
    public void Execute(KernelContext context) =>
        context.SetOutput(0, Tensor.Scalar((long)SequenceValues.Input(context, 0).Count));
}
