using Aidge.Core.Graphs;

namespace Aidge.Export.Kernels;

/// <summary>
/// An emitter whose kernel may write an output over one of its inputs: each output element is computed only from input
/// elements it has already read (the same index of an elementwise op, the same lane of a per-lane normalization). The
/// memory planner asks it only for an input that dies at the node and has the output's size; it answers for its own
/// kernel, so an emitter that changes its kernel changes its answer in the same file.
/// </summary>
public interface IInPlaceEmitter
{
    bool MayWriteOver(Node node, int output, int input);
}
