namespace Aidge.Core.Graphs;

/// <summary>A model: the main graph plus the file-level facts an exporter or report needs.</summary>
public sealed class Model
{
    public Model(Graph graph) => Graph = graph;

    public Graph Graph { get; }

    public long IrVersion { get; set; } = 10;

    public string ProducerName { get; set; } = string.Empty;

    public string ProducerVersion { get; set; } = string.Empty;

    public string Domain { get; set; } = string.Empty;

    public long ModelVersion { get; set; }

    public string? DocString { get; set; }

    /// <summary>Free-form key/value metadata from the file, in file order.</summary>
    public List<KeyValuePair<string, string>> Metadata { get; } = new();

    /// <summary>Operator set imports (domain → version), the same dictionary the graph reads.</summary>
    public IReadOnlyDictionary<string, long> Opsets => Graph.Opsets;

    /// <summary>Model-local functions, by (domain, name); nodes that call them are expanded at import.</summary>
    public List<ModelFunction> Functions { get; } = new();
}

/// <summary>A model-local function (ONNX FunctionProto): a named body of nodes with formal inputs, outputs and attributes.</summary>
public sealed class ModelFunction
{
    public ModelFunction(string name, string domain, Graph body)
    {
        Name = name;
        Domain = domain;
        Body = body;
    }

    public string Name { get; }

    public string Domain { get; }

    /// <summary>The body as a graph whose Inputs/Outputs are the formal parameters.</summary>
    public Graph Body { get; }

    /// <summary>Attribute names the body may reference, with defaults where the file gives one.</summary>
    public List<NodeAttribute> AttributeDefaults { get; } = new();

    public List<string> AttributeNames { get; } = new();

    public Dictionary<string, long> Opsets { get; } = new(StringComparer.Ordinal);
}
