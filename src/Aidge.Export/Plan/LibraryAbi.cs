using Aidge.Export.C;

namespace Aidge.Export.Plan;

/// <summary>
/// What every generated library exports, whatever the target: the C ABI's symbol prefix and its input and output tensors
/// (element type, static dims) in graph order. The build-time check, the timing and the conformance runners need no more.
/// </summary>
public sealed record LibraryAbi(string Prefix, EquatableArray<TensorRef> Inputs, EquatableArray<TensorRef> Outputs);
