namespace Aidge.Generators.Model
{
    /// <summary>What the generator needs from the project rather than from the manifests.</summary>
    /// <param name="RootNamespace">build_property.RootNamespace, sanitized; null for the global namespace.</param>
    /// <param name="AllowUnsafe">Whether AllowUnsafeBlocks is set: the generated binding needs function pointers.</param>
    /// <param name="HasNativeLibrary">Whether the target framework has System.Runtime.InteropServices.NativeLibrary (.NET Core 3.0+).</param>
    /// <param name="SupportsFunctionPointers">Whether the language version is C# 9 or later.</param>
    internal sealed record GenerationSettings(string? RootNamespace, bool AllowUnsafe, bool HasNativeLibrary, bool SupportsFunctionPointers);
}
