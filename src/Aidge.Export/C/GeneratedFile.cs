namespace Aidge.Export.C;

/// <summary>One file an emitter produces, relative to its output folder (a plain file name chosen by the emitter, never by the model).</summary>
public sealed record GeneratedFile(string RelativePath, byte[] Content)
{
    public static GeneratedFile Text(string relativePath, string text) => new(relativePath, System.Text.Encoding.UTF8.GetBytes(text));
}
