using System.Globalization;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Inspection;

/// <summary>Writes what <c>aidgec inspect</c> reports about a loaded model, in a stable, readable order.</summary>
public static class ModelFacts
{
    public static void Write(Model model, string path, TextWriter output)
    {
        var graph = model.Graph;
        string producer = $"{model.ProducerName} {model.ProducerVersion}".Trim();
        output.WriteLine($"model: {path}");
        output.WriteLine($"producer: {(producer.Length == 0 ? "(none)" : producer)}");
        output.WriteLine($"ir version: {model.IrVersion}");
        output.WriteLine("opsets: " + string.Join(", ", model.Opsets
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{(o.Key.Length == 0 ? "ai.onnx" : o.Key)} {o.Value}")));

        output.WriteLine("inputs:");
        foreach (var input in graph.RuntimeInputs)
        {
            output.WriteLine($"  {Describe(input)}");
        }
        output.WriteLine("outputs:");
        foreach (var value in graph.Outputs)
        {
            output.WriteLine($"  {Describe(value)}");
        }

        output.WriteLine("operators:");
        var counts = graph.Nodes
            .GroupBy(n => n.Domain is "" or "ai.onnx" ? n.OpType : $"{n.Domain}.{n.OpType}")
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in counts)
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        long parameters = graph.Initializers.Sum(v => (long)(v.Initializer?.Length ?? 0));
        output.WriteLine($"parameters: {Number(parameters)}");
        output.WriteLine(graph.Nodes.Any(MacCounter.Counts)
            ? $"MACs (Conv, ConvTranspose, Gemm, MatMul): {(MacCounter.Total(graph) is long macs ? Number(macs) : "unknown (symbolic or unknown shapes)")}"
            : "MACs (Conv, ConvTranspose, Gemm, MatMul): 0");
    }

    private static string Describe(Value value)
    {
        string type = value.Type switch
        {
            null => "unknown type",
            TensorType tensor => $"{tensor.Element.OnnxName()} {tensor.Shape?.ToString() ?? "[unknown rank]"}",
            var other => other.ToString() ?? "unknown type",
        };
        return $"{value.Name}: {type}";
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
