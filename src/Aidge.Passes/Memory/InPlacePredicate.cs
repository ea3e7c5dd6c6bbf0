using Aidge.Core.Graphs;

namespace Aidge.Passes.Memory;

/// <summary>
/// The target's answer to "may this node's kernel write output <paramref name="output"/> over the bytes of input
/// <paramref name="input"/>?": true only when every element of the output is computed from input elements that the
/// kernel has already read (elementwise kernels, per-channel scaling). The memory planner asks only when the input
/// dies at this node and both have the same size.
/// </summary>
public delegate bool InPlacePredicate(Node node, int output, int input);
