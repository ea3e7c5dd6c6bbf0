using Aidge.Core.Graphs;

namespace Aidge.Core.Operators;

/// <summary>An attribute an operator accepts, with its kind and (when optional) its default.</summary>
public sealed record AttributeSpec(string Name, AttributeKind Kind, object? Default, bool Required);

/// <summary>
/// The schema of one operator over a range of opset versions: arity, attributes with defaults, and type and
/// shape inference. Built fluently by the operator families in this folder.
/// </summary>
public sealed class OpSchema
{
    private readonly Dictionary<string, AttributeSpec> attributes = new(StringComparer.Ordinal);

    public OpSchema(string opType, int sinceVersion, string domain = "")
    {
        OpType = opType;
        SinceVersion = sinceVersion;
        Domain = OperatorRegistry.NormalizeDomain(domain);
    }

    public string OpType { get; }

    public string Domain { get; }

    /// <summary>The first opset version this schema describes.</summary>
    public int SinceVersion { get; }

    /// <summary>The last opset version this schema describes (inclusive).</summary>
    public int LastVersion { get; private set; } = int.MaxValue;

    public int MinInputs { get; private set; }

    public int MaxInputs { get; private set; } = int.MaxValue;

    public int MinOutputs { get; private set; } = 1;

    public int MaxOutputs { get; private set; } = 1;

    public IReadOnlyDictionary<string, AttributeSpec> Attributes => attributes;

    /// <summary>Sets each output's type and shape from the inputs and attributes.</summary>
    public Action<InferenceContext>? Inference { get; private set; }

    public OpSchema Until(int lastVersion)
    {
        LastVersion = lastVersion;
        return this;
    }

    public OpSchema Inputs(int min, int max = -1)
    {
        MinInputs = min;
        MaxInputs = max < 0 ? min : max;
        return this;
    }

    public OpSchema Outputs(int min, int max = -1)
    {
        MinOutputs = min;
        MaxOutputs = max < 0 ? min : max;
        return this;
    }

    public OpSchema Attr(string name, AttributeKind kind, object? defaultValue = null)
    {
        attributes[name] = new AttributeSpec(name, kind, defaultValue, Required: false);
        return this;
    }

    public OpSchema RequiredAttr(string name, AttributeKind kind)
    {
        attributes[name] = new AttributeSpec(name, kind, null, Required: true);
        return this;
    }

    public OpSchema Infer(Action<InferenceContext> inference)
    {
        Inference = inference;
        return this;
    }

    public bool Covers(int version) => version >= SinceVersion && version <= LastVersion;

    public override string ToString() => $"{OpType}-{SinceVersion}";
}
