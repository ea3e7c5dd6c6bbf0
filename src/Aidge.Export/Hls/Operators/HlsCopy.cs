using Aidge.Core.Graphs;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Operators that only relabel dims (or pass data through at inference): the elements are copied in order. Shape-only
/// inputs (Reshape's shape, Squeeze's axes) are not read; the output dims were fixed by shape inference. Also the copy
/// of a graph output that no layer writes into its own array (an input or constant given back).
/// </summary>
[HlsEmitter("Identity")]
[HlsEmitter("Reshape")]
[HlsEmitter("Flatten")]
[HlsEmitter("Squeeze")]
[HlsEmitter("Unsqueeze")]
[HlsEmitter("Dropout")]
public sealed class HlsCopy : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        if (node.Node.OpType == "Dropout" && (node.HasOutput(1) || (node.HasInput(2) && node.ConstantInput(2) is null) || TrainingOn(node)))
        {
            throw node.Unsupported("Dropout in training mode (a mask output or a training_mode input that is not constant false) is not supported; export the model in inference mode");
        }
        if (node.Input(0).ElementCount != node.Output(0).ElementCount || node.Input(0).Type != node.Output(0).Type)
        {
            throw node.Unsupported("the output does not hold the input's elements unchanged");
        }
        yield return Call(node.Input(0), node.Output(0));
    }

    private static bool TrainingOn(NodeContext node) => node.HasInput(2) && node.ConstantInput(2) is { } flag && flag.GetDouble(0) != 0;

    /// <summary>An element copy between two tensors of the same size and type.</summary>
    public static KernelCall Call(TensorRef source, TensorRef target)
    {
        var body = new HlsBody()
            .For("i", Math.Max(1, source.ElementCount), HlsLoopRole.PerOutput)
            .Line("y[i] = x[i];")
            .End();
        return HlsLayer.Of("copy", body, HlsLayer.In("x", source), HlsLayer.Out("y", target));
    }
}
