using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>Builds an IR <see cref="Model"/> from a parsed <see cref="ModelProto"/>.</summary>
internal static class ModelImporter
{
    public static Model Import(ModelProto proto, string? baseDirectory)
    {
        if (proto.Graph is null)
        {
            throw ImportErrors.Error(DiagnosticCodes.MalformedModel, "The file holds no graph; it is not an ONNX model (or it is empty).");
        }
        var tensors = new TensorDecoder(baseDirectory);
        var importer = new GraphImporter(tensors, new FunctionInliner(proto.Functions));
        var graph = importer.Import(proto.Graph, null);
        graph.SetOpsets(OpsetsOf(proto));
        var model = new Model(graph)
        {
            IrVersion = proto.IrVersion,
            ProducerName = proto.ProducerName,
            ProducerVersion = proto.ProducerVersion,
            Domain = proto.Domain,
            ModelVersion = proto.ModelVersion,
            DocString = proto.DocString.Length > 0 ? proto.DocString : null,
        };
        model.Metadata.AddRange(proto.MetadataProps.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        model.Functions.AddRange(proto.Functions.Select(importer.ImportFunction));
        return model;
    }

    /// <summary>The opset imports; a file from before opset imports existed (IR version 1-2) means ONNX opset 1.</summary>
    private static Dictionary<string, long> OpsetsOf(ModelProto proto)
    {
        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var import in proto.OpsetImport)
        {
            opsets[import.Domain] = import.Version;
        }
        if (opsets.Count == 0)
        {
            opsets[string.Empty] = 1;
        }
        return opsets;
    }
}
