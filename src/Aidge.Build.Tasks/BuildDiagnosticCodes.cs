namespace Aidge.Build.Tasks;

/// <summary>
/// The stable codes of the build integration (AIDGE5001-AIDGE5019). The task cannot reference Aidge.Core, so its
/// codes live here; build/Aidge.Build.targets raises some of them itself (it names them in comments that point here)
/// and build/README.md lists them all.
/// </summary>
public static class BuildDiagnosticCodes
{
    /// <summary>AidgeCompilerPath does not name an existing aidgec.dll (raised by the task).</summary>
    public const string CompilerNotFound = "AIDGE5001";

    /// <summary>An AidgeModel item names a model file that does not exist (raised by the targets).</summary>
    public const string ModelNotFound = "AIDGE5002";

    /// <summary>Two AidgeModel items would produce the same class name (raised by the targets).</summary>
    public const string DuplicateClassName = "AIDGE5003";

    /// <summary>Two AidgeModel items would write into the same output folder (raised by the targets).</summary>
    public const string DuplicateOutputDir = "AIDGE5004";

    /// <summary>The compiler failed without reporting a coded diagnostic (crash, bad usage, internal error).</summary>
    public const string CompilerFailed = "AIDGE5005";

    /// <summary>The compiler succeeded but its manifest is missing or unreadable.</summary>
    public const string ManifestUnreadable = "AIDGE5006";

    /// <summary>The dotnet host that runs the compiler cannot be found.</summary>
    public const string DotnetHostNotFound = "AIDGE5007";
}
