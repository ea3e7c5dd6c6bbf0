namespace Aidge.Core.Diagnostics;

/// <summary>An error that carries its <see cref="Diagnostic"/>; the compiler reports it and exits, never crashes.</summary>
public sealed class AidgeException : Exception
{
    public AidgeException(Diagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.ToString(), inner) => Diagnostic = diagnostic;

    public AidgeException(string code, string message, string? file = null, string? node = null, Exception? inner = null)
        : this(Diagnostic.Error(code, message, file, node), inner)
    {
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The same error, now naming the file when it did not yet.</summary>
    public AidgeException WithFile(string? file) =>
        Diagnostic.File is null && file is not null ? new AidgeException(Diagnostic with { File = file }, InnerException) : this;
}
