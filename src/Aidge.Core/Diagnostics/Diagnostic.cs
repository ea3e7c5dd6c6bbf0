namespace Aidge.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// A user-facing message with a stable code (<c>AIDGE1xxx</c> import, <c>2xxx</c> passes, <c>3xxx</c>
/// simulation, <c>4xxx</c> export, <c>5xxx</c> build). It names the model file and, where it applies, the node.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string? File = null, string? Node = null)
{
    public static Diagnostic Error(string code, string message, string? file = null, string? node = null) =>
        new(code, Severity.Error, message, file, node);

    public static Diagnostic Warning(string code, string message, string? file = null, string? node = null) =>
        new(code, Severity.Warning, message, file, node);

    /// <summary>MSBuild's canonical form: <c>file: error CODE: message</c>.</summary>
    public override string ToString()
    {
        string where = File is null ? "aidge" : File;
        string severity = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        string node = Node is null ? string.Empty : $"node '{Node}': ";
        return $"{where}: {severity} {Code}: {node}{Message}";
    }
}
