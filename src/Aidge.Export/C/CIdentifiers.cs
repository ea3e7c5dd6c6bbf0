using System.Text;

namespace Aidge.Export.C;

/// <summary>
/// Turns untrusted names into C identifiers: snake_case ASCII letters, digits and single underscores, never a
/// keyword or a reserved name (leading underscore), never empty, never starting with a digit. The result also
/// works as a file name: it has no path separator, dot or space.
/// </summary>
public static class CIdentifiers
{
    /// <summary>Long names are cut so that prefixed symbols stay readable and well below compiler limits.</summary>
    public const int MaxLength = 48;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "bool", "true", "false", "alignas", "alignof", "asm", "typeof", "nullptr", "constexpr", "static_assert", "thread_local",
        "main", "errno", "assert", "complex", "imaginary", "noreturn", "offsetof", "NULL",
    };

    /// <summary>The snake_case identifier for a name; <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string Sanitize(string name, string fallback = "model")
    {
        var result = new StringBuilder(name.Length);
        char previous = '\0';
        foreach (char c in name)
        {
            if (char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)))
            {
                AppendUnderscore(result);
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                AppendUnderscore(result);
            }
            previous = c;
        }
        string identifier = result.ToString().Trim('_');
        if (identifier.Length > MaxLength)
        {
            identifier = identifier[..MaxLength].TrimEnd('_');
        }
        if (identifier.Length == 0)
        {
            return fallback;
        }
        if (char.IsAsciiDigit(identifier[0]))
        {
            identifier = "m_" + identifier;
        }
        return Reserved.Contains(identifier) ? identifier + "_" : identifier;
    }

    private static void AppendUnderscore(StringBuilder result)
    {
        if (result.Length > 0 && result[^1] != '_')
        {
            result.Append('_');
        }
    }
}

/// <summary>Hands out sanitized identifiers that are unique within one scope: a later name that collides gets <c>_2</c>, <c>_3</c>...</summary>
public sealed class CIdentifierScope
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public string Claim(string name, string fallback = "model")
    {
        string identifier = CIdentifiers.Sanitize(name, fallback);
        string candidate = identifier;
        for (int i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{identifier}_{i}";
        }
        return candidate;
    }
}
