using System.Text;

namespace Aidge.Build.Tasks;

/// <summary>
/// Writes the arguments of one compiler run as a response file, one argument a line, quoted when it holds
/// white space so that paths with spaces survive the compiler's command-line parser.
/// </summary>
internal static class ResponseFile
{
    public static string Format(IEnumerable<string> arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments)
        {
            text.Append(argument.Any(char.IsWhiteSpace) ? $"\"{argument}\"" : argument).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes the file only when its content changed, so its timestamp means "the options changed".</summary>
    public static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
