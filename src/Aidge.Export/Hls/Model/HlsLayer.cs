using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Model;

/// <summary>
/// One array argument of a layer function: the name the body uses, and the tensor the top passes (whose element type
/// and element count give the parameter's declaration <c>const float x[784]</c>). Weights are read-only tensors of the
/// weights header; <see cref="Written"/> marks outputs.
/// </summary>
public sealed record HlsParameter(string Name, TensorRef Tensor, bool Written)
{
    public bool IsWeights => Tensor.Kind == BufferKind.Weights;
}

/// <summary>
/// The function one node becomes: a statically sized array per tensor it reads or writes (no pointers, no arena), and a
/// body of counted loops with constant bounds. <see cref="Operator"/> names it (<c>layer_&lt;n&gt;_&lt;operator&gt;</c>,
/// n being its place in the top). It is the helper of the node's <see cref="KernelCall"/>, whose arguments stay empty:
/// the parameters carry the tensors, which <see cref="HlsProgram"/> maps to the top's arrays. Value-equatable, so two
/// plans of the same model compare equal.
/// </summary>
public sealed record HlsLayer(string Operator, EquatableArray<HlsParameter> Parameters, EquatableArray<HlsStatement> Body) : CHelper
{
    /// <summary>The function's name before the top numbers it; the written name is <c>layer_&lt;n&gt;_&lt;operator&gt;</c>.</summary>
    public override string Name => $"layer_{Operator}";

    /// <summary>The function with the default options (the HLS writer writes each layer itself, under the item's options).</summary>
    public override string Code() => Writers.HlsLayerWriter.Write(this, Name, HlsOptions.Default);

    /// <summary>Headers of Hls/Include the layer's code uses beyond the design's defaults (the quantized layers' arithmetic).</summary>
    public EquatableArray<string> Headers { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The node's one call: this layer over its tensors.</summary>
    public KernelCall Call() => new(this, EquatableArray<string>.Empty);

    /// <summary>A layer that also needs <paramref name="headers"/> included.</summary>
    public static KernelCall Of(string op, HlsBody body, IEnumerable<string> headers, params HlsParameter[] parameters) =>
        new HlsLayer(CIdentifiers.Sanitize(op, "layer"), parameters.ToEquatableArray(), body.Build()) { Headers = headers.ToEquatableArray() }.Call();

    /// <summary>A layer over <paramref name="parameters"/> computing <paramref name="body"/>.</summary>
    public static KernelCall Of(string op, HlsBody body, params HlsParameter[] parameters) =>
        new HlsLayer(CIdentifiers.Sanitize(op, "layer"), parameters.ToEquatableArray(), body.Build()).Call();

    public static HlsParameter In(string name, TensorRef tensor) => new(name, tensor, Written: false);

    public static HlsParameter Out(string name, TensorRef tensor) => new(name, tensor, Written: true);
}
