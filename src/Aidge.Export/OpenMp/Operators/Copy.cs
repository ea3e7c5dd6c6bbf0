using Aidge.Core.Graphs;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>
/// Operators that only relabel the dims of their data (or pass it through at inference): the bytes are copied
/// unchanged into the output, whatever the element type. Shape-only inputs (Reshape's shape, Squeeze's axes) are
/// not read: the output dims were fixed by shape inference. BitCast relabels the element type of same-sized data.
/// </summary>
[OpenMpEmitter("Identity")]
[OpenMpEmitter("Reshape")]
[OpenMpEmitter("Flatten")]
[OpenMpEmitter("Squeeze")]
[OpenMpEmitter("Unsqueeze")]
[OpenMpEmitter("Dropout")]
[OpenMpEmitter("BitCast")]
public sealed class Copy : INodeEmitter, IInPlaceEmitter
{
    /// <summary>The output is the input's bytes: in place, the copy has nothing to move (aidge_copy skips it).</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        if (node.Node.OpType == "Dropout" && (node.HasOutput(1) || (node.HasInput(2) && node.ConstantInput(2) is null) || TrainingOn(node)))
        {
            throw node.Unsupported("Dropout in training mode (a mask output or a training_mode input that is not constant false) is not supported; export the model in inference mode");
        }
        if (node.Input(0).Bytes != node.Output(0).Bytes)
        {
            throw node.Unsupported($"the output ({node.Output(0).Bytes} bytes) is not the same size as the input ({node.Input(0).Bytes} bytes)");
        }
        yield return Call(node.Input(0), node.Output(0));
    }

    private static bool TrainingOn(NodeContext node) => node.HasInput(2) && node.ConstantInput(2) is { } flag && flag.GetDouble(0) != 0;

    /// <summary>A byte copy between two tensors of the same size (also used for graph outputs that no node writes).</summary>
    public static KernelCall Call(TensorRef source, TensorRef target) =>
        new(new RuntimeHelper("aidge_copy"), new[] { target.Write, source.Read, CLiteral.Int(source.Bytes) }.ToEquatableArray());
}
