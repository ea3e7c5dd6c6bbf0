using Aidge.Core.Diagnostics;
using Google.Protobuf;

namespace Aidge.Onnx;

/// <summary>Reading and parsing protobuf files, with failures reported as AIDGE1001 (unreadable) and AIDGE1002 (malformed).</summary>
internal static class ProtoFiles
{
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or OutOfMemoryException)
        {
            throw new AidgeException(DiagnosticCodes.FileUnreadable, $"Cannot read the file: {e.Message}", path, inner: e);
        }
    }

    public static byte[] ReadAllBytes(Stream stream, string? fileName)
    {
        try
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException or OutOfMemoryException)
        {
            throw new AidgeException(DiagnosticCodes.FileUnreadable, $"Cannot read the model stream: {e.Message}", fileName, inner: e);
        }
    }

    /// <summary>
    /// Parses a message. The parser is given untrusted bytes; whatever it throws for them (truncation, bad
    /// wire types, nesting too deep) means the file is not a valid message of that kind.
    /// </summary>
    public static T Parse<T>(MessageParser<T> parser, byte[] bytes, string? fileName, string kind)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            throw new AidgeException(DiagnosticCodes.MalformedModel,
                $"The file is not {kind}: {e.Message} It may be truncated or corrupt; re-export it.", fileName, inner: e);
        }
    }
}
