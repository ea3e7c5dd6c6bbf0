namespace Aidge.Onnx;

/// <summary>What <see cref="ModelReader"/> does after importing: type and shape inference, and the graph checker.</summary>
public sealed record ModelReaderOptions(bool InferShapes = true, bool Check = true)
{
    public static ModelReaderOptions Default { get; } = new();
}
