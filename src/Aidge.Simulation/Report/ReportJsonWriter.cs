using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aidge.Simulation.Report;

/// <summary>
/// Writes report.json: the <see cref="ModelReport"/> records as they are (properties in declaration order, camelCase,
/// absent sections omitted), indented with \n line ends and a final newline, so equal reports give equal bytes.
/// </summary>
public static class ReportJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Model names are data, not markup: keep them readable (é, µ) rather than \u-escaped; JSON stays valid.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(ModelReport report) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(report, Options) + "\n");

    public static ModelReport? Read(string json) => JsonSerializer.Deserialize<ModelReport>(json, Options);
}
