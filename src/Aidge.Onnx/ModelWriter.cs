using Aidge.Core.Graphs;
using Aidge.Onnx.Export;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx;

/// <summary>
/// Writes an IR <see cref="Model"/> as an ONNX file, so that reading it back with <see cref="ModelReader"/>
/// gives an equal graph. Initializers are written inline as raw data (ONNX files are limited to 2 GiB).
/// </summary>
public static class ModelWriter
{
    public static void Save(Model model, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Save(model, stream);
    }

    public static void Save(Model model, Stream stream) => ToProto(model).WriteTo(stream);

    /// <summary>The model as the ONNX protobuf message.</summary>
    public static ModelProto ToProto(Model model) => ModelExporter.Export(model);
}
