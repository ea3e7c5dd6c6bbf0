using System.Reflection;
using Aidge.Core.Diagnostics;

namespace Aidge.Core.Operators;

/// <summary>All operator schemas, keyed by domain and op type, each covering an opset version range.</summary>
public sealed class OperatorRegistry
{
    private static readonly Lazy<OperatorRegistry> DefaultRegistry = new(CreateDefault);

    private readonly Dictionary<(string Domain, string OpType), List<OpSchema>> schemas = new();

    /// <summary>The registry of every family in Aidge.Core.</summary>
    public static OperatorRegistry Default => DefaultRegistry.Value;

    public IEnumerable<OpSchema> All => schemas.Values.SelectMany(s => s);

    /// <summary>ONNX spells its default domain both "" and "ai.onnx".</summary>
    public static string NormalizeDomain(string domain) => domain == "ai.onnx" ? string.Empty : domain;

    public OpSchema Add(OpSchema schema)
    {
        var key = (schema.Domain, schema.OpType);
        if (!schemas.TryGetValue(key, out var list))
        {
            schemas[key] = list = new List<OpSchema>();
        }
        if (list.Any(s => s.SinceVersion <= schema.LastVersion && schema.SinceVersion <= s.LastVersion))
        {
            throw new InvalidOperationException($"Overlapping schemas for {schema.OpType} at version {schema.SinceVersion}.");
        }
        list.Add(schema);
        return schema;
    }

    /// <summary>Starts a schema and adds it; the caller fills it in fluently.</summary>
    public OpSchema Add(string opType, int sinceVersion, string domain = "") => Add(new OpSchema(opType, sinceVersion, domain));

    /// <summary>The schema for an operator at an opset version, or null when the registry does not claim it.</summary>
    public OpSchema? Find(string domain, string opType, int opsetVersion) =>
        schemas.GetValueOrDefault((NormalizeDomain(domain), opType))?.Where(s => s.Covers(opsetVersion)).MaxBy(s => s.SinceVersion);

    public bool Contains(string domain, string opType) => schemas.ContainsKey((NormalizeDomain(domain), opType));

    private static OperatorRegistry CreateDefault()
    {
        var registry = new OperatorRegistry();
        var families = typeof(OperatorRegistry).Assembly.GetTypes()
            .Where(t => typeof(IOperatorFamily).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in families)
        {
            ((IOperatorFamily)Activator.CreateInstance(type)!).Register(registry);
        }
        return registry;
    }
}
