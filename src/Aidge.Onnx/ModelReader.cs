using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Onnx.Import;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx;

/// <summary>
/// Reads an ONNX model into the IR: parses the protobuf, imports the graph (external data resolved relative
/// to the model's folder, model-local functions expanded), then runs shape inference and the graph checker.
/// Every failure is an <see cref="AidgeException"/> naming the file (and the node where it applies).
/// </summary>
public static class ModelReader
{
    public static Model Load(string path, ModelReaderOptions? options = null)
    {
        byte[] bytes = ProtoFiles.ReadAllBytes(path);
        return Load(bytes, Path.GetDirectoryName(Path.GetFullPath(path)), path, options);
    }

    public static Model Load(Stream stream, string? baseDirectory = null, string? fileName = null, ModelReaderOptions? options = null)
    {
        byte[] bytes = ProtoFiles.ReadAllBytes(stream, fileName);
        return Load(bytes, baseDirectory, fileName, options);
    }

    private static Model Load(byte[] bytes, string? baseDirectory, string? fileName, ModelReaderOptions? options)
    {
        options ??= ModelReaderOptions.Default;
        var proto = ProtoFiles.Parse(ModelProto.Parser, bytes, fileName, "an ONNX model");
        try
        {
            var model = ModelImporter.Import(proto, baseDirectory);
            if (options.Check)
            {
                GraphChecker.Check(model.Graph, fileName);
            }
            if (options.InferShapes)
            {
                ShapeInference.InferModel(model, fileName);
            }
            return model;
        }
        catch (AidgeException e)
        {
            throw e.WithFile(fileName);
        }
    }
}
