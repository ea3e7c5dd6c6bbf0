namespace Aidge.Export.Toolchain;

/// <summary>
/// The flags of the HLS target's C-simulation library: C++17 at -O2 without fast-math or FMA contraction
/// (<c>-ffp-contract=off</c>), so each float operation rounds as the synthesized operator does, and the library's
/// results are the design's. The compiler runs in the sources' folder, which holds the owned headers (<c>-I.</c>).
/// </summary>
public static class CsimBuild
{
    /// <summary>The flags that decide the generated code; the same for one shared library or one object per design.</summary>
    public static IReadOnlyList<string> CodeFlags { get; } = ["-std=c++17", "-O2", "-ffp-contract=off", "-fPIC", "-fvisibility=hidden", "-I."];

    public static IReadOnlyList<string> SharedLibraryArguments(IEnumerable<string> sources, string library) =>
        [.. CodeFlags, "-shared", .. sources, "-o", library, "-lm"];
}
