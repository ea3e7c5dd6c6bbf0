using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Slice as a strided view of its input (<see cref="MovementViews.Slice"/>): each sliced axis starts at its resolved
/// start and steps by <c>step</c>. Bounds are attributes before opset 10 and constant inputs from 10.
/// </summary>
[OpenMpEmitter("Slice")]
public sealed class Slice : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var output = node.Output(0);
        var (from, strides) = MovementViews.Slice(node);
        yield return ViewCopy.Into(node.Input(0), from, strides, output, output.Dims.ToArray());
    }
}
