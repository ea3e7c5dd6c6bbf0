using System.Globalization;
using Aidge.Core.Diagnostics;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>
/// Reads the bytes of a tensor stored outside the model (<c>data_location: EXTERNAL</c>). The location is
/// untrusted: it must name a file inside the model's folder (no absolute path, no <c>..</c> escape, no
/// symbolic link leading out), and only the tensor's byte range is read.
/// </summary>
internal sealed class ExternalDataReader
{
    private const int MaxLinkDepth = 32;

    private readonly string? baseDirectory;

    public ExternalDataReader(string? baseDirectory) => this.baseDirectory = baseDirectory;

    public byte[] Read(TensorProto proto, long byteCount, string what)
    {
        string location = string.Empty;
        long offset = 0;
        long? length = null;
        foreach (var entry in proto.ExternalData)
        {
            switch (entry.Key)
            {
                case "location":
                    location = entry.Value;
                    break;
                case "offset":
                    offset = ParseNumber(entry.Value, "offset", what);
                    break;
                case "length":
                    length = ParseNumber(entry.Value, "length", what);
                    break;
            }
        }
        if (length is { } declared && declared != byteCount)
        {
            throw ImportErrors.Error(DiagnosticCodes.TensorDataMismatch,
                $"{what} declares {declared} bytes of external data, but its type and dims need {byteCount}.");
        }
        string file = Resolve(location, what);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (offset > stream.Length || stream.Length - offset < byteCount)
            {
                throw Invalid($"{what} needs bytes {offset}..{offset + byteCount} of '{location}', but the file has only {stream.Length} bytes.");
            }
            var bytes = new byte[byteCount];
            stream.Seek(offset, SeekOrigin.Begin);
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"{what}: cannot read external data file '{location}': {e.Message}");
        }
    }

    /// <summary>The full path of the data file, checked to lie inside the model's folder once links are followed.</summary>
    private string Resolve(string location, string what)
    {
        if (baseDirectory is null)
        {
            throw Invalid($"{what} keeps its data in '{location}', but the model was read from a stream with no folder to look in.");
        }
        if (location.Length == 0 || location.Contains('\0'))
        {
            throw Invalid($"{what} is marked as external data but names no file.");
        }
        if (Path.IsPathRooted(location))
        {
            throw Invalid($"{what} names external data by the absolute path '{location}'; external data must be a relative path inside the model's folder.");
        }
        string root = RealPath(Path.GetFullPath(baseDirectory), 0);
        string file = RealPath(Path.GetFullPath(Path.Combine(root, location)), 0);
        if (!file.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Invalid($"{what} names external data '{location}', which lies outside the model's folder; move the data next to the model.");
        }
        if (!File.Exists(file))
        {
            throw Invalid($"{what} names external data file '{location}', which does not exist next to the model.");
        }
        return file;
    }

    /// <summary>The path with every symbolic link along it followed, so a link cannot lead outside the folder unseen.</summary>
    private static string RealPath(string fullPath, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            throw Invalid($"Too many levels of symbolic links under '{fullPath}'.");
        }
        string root = Path.GetPathRoot(fullPath) ?? string.Empty;
        string current = root;
        foreach (string segment in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is { } target)
            {
                string resolved = Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root);
                current = RealPath(resolved, depth + 1);
            }
        }
        return current;
    }

    private static long ParseNumber(string text, string key, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Invalid($"{what} has external data {key} '{text}', which is not a non-negative integer.");

    private static AidgeException Invalid(string message) => ImportErrors.Error(DiagnosticCodes.ExternalDataInvalid, message);
}
