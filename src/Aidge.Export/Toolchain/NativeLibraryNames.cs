namespace Aidge.Export.Toolchain;

/// <summary>The file name of a generated native library on this platform: <c>libaidge_&lt;prefix&gt;.so</c>, <c>.dylib</c>, or <c>aidge_&lt;prefix&gt;.dll</c>.</summary>
public static class NativeLibraryNames
{
    public static string For(string prefix) =>
        OperatingSystem.IsWindows() ? $"aidge_{prefix}.dll"
        : OperatingSystem.IsMacOS() ? $"libaidge_{prefix}.dylib"
        : $"libaidge_{prefix}.so";
}
