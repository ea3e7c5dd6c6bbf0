using Aidge.Core.Graphs;
using Aidge.Export.C;
using Aidge.Export.Kernels.Movement;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>
/// Operators that only relabel the dims of their data (see <see cref="Relabel"/>): the bytes are copied unchanged into
/// the output, whatever the element type. BitCast relabels the element type of same-sized data.
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
    public bool MayWriteOver(Node node, int output, int input) => Relabel.MayWriteOver(node, output, input);

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (source, target) = Relabel.Of(node);
        // In place, the copy has nothing to move (aidge_copy skips it).
        yield return Call(source, target);
    }

    /// <summary>A byte copy between two tensors of the same size (also used for graph outputs that no node writes).</summary>
    public static KernelCall Call(TensorRef source, TensorRef target) =>
        new(new RuntimeHelper("aidge_copy"), new[] { target.Write, source.Read, CLiteral.Int(source.Bytes) }.ToEquatableArray());
}
