using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.OpenMp;

/// <summary>
/// What the OpenMP target tells the memory planner: which known values it holds as constant data in the weights blob
/// (so they take no arena bytes), which kernels may write over their input, and the alignment of arena offsets.
/// </summary>
public static class OpenMpMemoryRules
{
    /// <summary>Arena offsets and tensor sizes are multiples of the weights blob's alignment, so SIMD loads line up.</summary>
    public const long Alignment = WeightsBlob.Alignment;

    /// <summary>Known data the library holds as constant data: all of it but strings, which have no C type here.</summary>
    public static Tensor? ConstantData(Tensor? known) => known is { } data && CTypes.Of(data.Type) is not null ? data : null;

    /// <summary>Whether the node's emitter says its kernel may write <paramref name="output"/> over <paramref name="input"/>.</summary>
    public static bool MayWriteOver(Node node, int output, int input) =>
        OpenMpEmitterRegistry.Default.Find(node.Domain, node.OpType, node.Graph.OpsetOf(node.Domain))?.Emitter is IInPlaceEmitter emitter
        && emitter.MayWriteOver(node, output, input);
}
