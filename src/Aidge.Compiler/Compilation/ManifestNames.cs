namespace Aidge.Compiler.Compilation;

/// <summary>The manifest's file stem (the class name or the model file's stem), made safe as a file name: no separators, no dots, no control characters.</summary>
public static class ManifestNames
{
    public static string FileStem(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        string stem = new(name.Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' or '.' || char.IsControl(c) ? '_' : c).ToArray());
        return stem.Trim().Length == 0 ? "model" : stem.Trim();
    }
}
