using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp;

/// <summary>
/// Turns one node into the calls of the generated <c>run</c> (analysis only: no C text here beyond argument
/// expressions; helpers carry the function bodies). Throws <see cref="UnsupportedNodeException"/> when the node's
/// element types or attributes are outside what it handles, so the whole model is rejected before anything is written.
/// </summary>
public interface IOpenMpEmitter
{
    IEnumerable<KernelCall> Plan(NodeContext node);
}

/// <summary>The emitter cannot handle this node (an element type, attribute value or dynamic shape); the message says which.</summary>
public sealed class UnsupportedNodeException(string message) : Exception(message);
