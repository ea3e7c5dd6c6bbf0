using Aidge.Export.Kernels.Movement;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// The operators that only relabel dims (the shared <see cref="Relabel"/>): the elements are copied in order. Also the
/// copy of a graph output that no layer writes into its own array (an input or constant given back). A copy is exact
/// in any element type, so fixed-point designs use it as it is.
/// </summary>
[HlsEmitter("Identity")]
[HlsEmitter("Reshape")]
[HlsEmitter("Flatten")]
[HlsEmitter("Squeeze")]
[HlsEmitter("Unsqueeze")]
[HlsEmitter("Dropout")]
[HlsFixedEmitter("Identity")]
[HlsFixedEmitter("Reshape")]
[HlsFixedEmitter("Flatten")]
[HlsFixedEmitter("Squeeze")]
[HlsFixedEmitter("Unsqueeze")]
[HlsFixedEmitter("Dropout")]
public sealed class HlsCopy : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (source, target) = Relabel.Of(node);
        if (source.Type != target.Type)
        {
            throw node.Unsupported("the output does not hold the input's elements unchanged");
        }
        yield return Call(source, target);
    }

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
