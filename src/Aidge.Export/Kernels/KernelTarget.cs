using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// A kernel-based target as the planner and the memory planner see it: its emitters, and the call that copies one tensor
/// into another (graph outputs that no node writes into the caller's buffer). Its rules for the memory planner: which
/// known values are constant data in the weights blob (so they take no arena bytes), which kernels may write over their
/// input, and the alignment of arena offsets.
/// </summary>
public sealed record KernelTarget(EmitterRegistry Emitters, Func<TensorRef, TensorRef, KernelCall> Copy)
{
    /// <summary>Arena offsets and tensor sizes are multiples of the weights blob's alignment, so SIMD loads line up.</summary>
    public const long Alignment = WeightsBlob.Alignment;

    public string Name => Emitters.TargetName;

    /// <summary>Known data the library holds as constant data: all of it but strings, which have no C type here.</summary>
    public static Tensor? ConstantData(Tensor? known) => known is { } data && CTypes.Of(data.Type) is not null ? data : null;

    /// <summary>Whether the node's emitter says its kernel may write <paramref name="output"/> over <paramref name="input"/>.</summary>
    public bool MayWriteOver(Node node, int output, int input) =>
        Emitters.Find(node.Domain, node.OpType, node.Graph.OpsetOf(node.Domain))?.Emitter is IInPlaceEmitter emitter
        && emitter.MayWriteOver(node, output, input);
}
