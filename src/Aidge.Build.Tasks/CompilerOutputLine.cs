using System.Globalization;
using System.Text.RegularExpressions;

namespace Aidge.Build.Tasks;

/// <summary>
/// One line of compiler output in MSBuild's canonical form, <c>origin[(line[,col[,endLine,endCol]])]: error|warning [CODE]: text</c>,
/// the form aidgec writes its diagnostics in. Lines in any other form are not diagnostics.
/// </summary>
internal sealed partial record CompilerOutputLine(
    string Origin, bool IsError, string? Code, string Text, int Line, int Column, int EndLine, int EndColumn)
{
    // The origin is matched lazily so that a Windows drive colon ("C:\...") is not taken for the separator.
    [GeneratedRegex(@"^\s*(?<origin>.*?)(?:\((?<location>\d+(?:,\d+){0,3})\))?\s*:\s*(?<category>error|warning)(?:\s+(?<code>[A-Za-z]+\d+))?\s*:\s*(?<text>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CanonicalForm();

    public static CompilerOutputLine? TryParse(string line)
    {
        var match = CanonicalForm().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var location = match.Groups["location"].Success
            ? match.Groups["location"].Value.Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray()
            : [];
        int At(int index) => index < location.Length ? location[index] : 0;
        return new CompilerOutputLine(
            Origin: match.Groups["origin"].Value.Trim(),
            IsError: string.Equals(match.Groups["category"].Value, "error", StringComparison.OrdinalIgnoreCase),
            Code: match.Groups["code"].Success ? match.Groups["code"].Value : null,
            Text: match.Groups["text"].Value.Trim(),
            Line: At(0),
            Column: At(1),
            EndLine: At(2),
            EndColumn: At(3));
    }
}
