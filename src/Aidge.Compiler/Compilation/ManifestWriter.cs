using System.Text.Json;
using Aidge.Core.Graphs;
using Aidge.Export.C;

namespace Aidge.Compiler.Compilation;

/// <summary>What the manifest records about one compilation beyond the model itself.</summary>
public sealed record ManifestFacts(string ModelPath, string? ClassName, string? Namespace, string Target, string SymbolPrefix, string Library, bool NativeBuilt, string? NativeMessage);

/// <summary>Writes <c>&lt;ClassName&gt;.aidge.json</c> (format 1, the manifest contract): stable property order, indented, UTF-8, \n line ends.</summary>
public static class ManifestWriter
{
    public const int Format = 1;

    public static byte[] Write(Model model, ManifestFacts facts)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            var graph = model.Graph;
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("model", facts.ModelPath);
            json.WriteString("className", facts.ClassName);
            json.WriteString("namespace", facts.Namespace);
            json.WriteString("target", facts.Target);
            json.WriteString("symbolPrefix", facts.SymbolPrefix);
            json.WriteString("library", facts.Library);
            json.WriteBoolean("nativeBuilt", facts.NativeBuilt);
            json.WriteString("nativeMessage", facts.NativeMessage);
            string producer = $"{model.ProducerName} {model.ProducerVersion}".Trim();
            json.WriteString("producer", producer.Length == 0 ? null : producer);
            json.WriteNumber("opset", graph.OnnxOpset);
            json.WriteNumber("parameters", graph.Initializers.Sum(v => (long)(v.Initializer?.Length ?? 0)));
            json.WriteNumber("weightBytes", graph.Initializers.Sum(v => (long)(v.Initializer?.Bytes.Length ?? 0)));
            if (MacCounter.Total(graph) is long macs)
            {
                json.WriteNumber("macs", macs);
            }
            else
            {
                json.WriteNull("macs");
            }
            WriteTensors(json, "inputs", graph.RuntimeInputs);
            WriteTensors(json, "outputs", graph.Outputs);
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteTensors(Utf8JsonWriter json, string name, IEnumerable<Value> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStartObject();
            json.WriteString("name", value.Name);
            json.WriteString("elementType", ElementTypeNames.Of(value.ElementType));
            json.WriteStartArray("shape");
            foreach (long dim in value.Initializer?.Dims ?? value.Shape!.ToArray())
            {
                json.WriteNumberValue(dim);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
