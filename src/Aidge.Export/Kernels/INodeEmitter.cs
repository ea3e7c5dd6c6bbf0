using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// Turns one node into the calls of the generated <c>run</c> of a kernel-based target (OpenMP C, CUDA): analysis only,
/// no source text here beyond argument expressions; helpers carry the function bodies. Throws
/// <see cref="UnsupportedNodeException"/> when the node's element types or attributes are outside what it handles, so the
/// whole model is rejected before anything is written. Each target marks its emitters with its own
/// <see cref="EmitterAttribute"/>, which is how its <see cref="EmitterRegistry"/> finds them.
/// </summary>
public interface INodeEmitter
{
    IEnumerable<KernelCall> Plan(NodeContext node);
}

/// <summary>The emitter cannot handle this node (an element type, attribute value or dynamic shape); the message says which.</summary>
public sealed class UnsupportedNodeException(string message) : Exception(message);
