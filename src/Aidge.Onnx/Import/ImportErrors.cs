using Aidge.Core.Diagnostics;

namespace Aidge.Onnx.Import;

/// <summary>Small helpers so every import error carries its code and, once known, the node it concerns.</summary>
internal static class ImportErrors
{
    public static AidgeException Error(string code, string message) => new(code, message);

    /// <summary>The same error, now naming the node when it did not yet.</summary>
    public static AidgeException WithNode(this AidgeException e, string node) =>
        e.Diagnostic.Node is null ? new AidgeException(e.Diagnostic with { Node = node }, e.InnerException) : e;
}
