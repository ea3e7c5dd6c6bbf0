using Aidge.Core.Graphs;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels.Movement;

/// <summary>
/// The operators that only relabel the dims of their data, or pass it through at inference (Identity, Reshape,
/// Flatten, Squeeze, Unsqueeze, Dropout, BitCast): every target moves the input's bytes unchanged into the output.
/// Shape-only inputs (Reshape's shape, Squeeze's axes) are not read: the output dims were fixed by shape inference.
/// The memory planner may give the output the input's buffer, and then the target's copy has nothing to move.
/// </summary>
public static class Relabel
{
    /// <summary>The output is the input's bytes, so it may share the input's buffer.</summary>
    public static bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    /// <summary>The tensor to copy and its destination; rejects Dropout in training mode and a size change.</summary>
    public static (TensorRef Source, TensorRef Target) Of(NodeContext node)
    {
        if (node.Node.OpType == "Dropout" && (node.HasOutput(1) || (node.HasInput(2) && node.ConstantInput(2) is null) || TrainingOn(node)))
        {
            throw node.Unsupported("Dropout in training mode (a mask output or a training_mode input that is not constant false) is not supported; export the model in inference mode");
        }
        if (node.Input(0).Bytes != node.Output(0).Bytes)
        {
            throw node.Unsupported($"the output ({node.Output(0).Bytes} bytes) is not the same size as the input ({node.Input(0).Bytes} bytes)");
        }
        return (node.Input(0), node.Output(0));
    }

    private static bool TrainingOn(NodeContext node) => node.HasInput(2) && node.ConstantInput(2) is { } flag && flag.GetDouble(0) != 0;
}
