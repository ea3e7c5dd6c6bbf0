using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// A test class that builds HLS C-simulation libraries: each test is inconclusive without a C++ compiler, and gets a
/// fresh folder, deleted after it.
/// </summary>
public abstract class CsimTest
{
    /// <summary>The test's own folder.</summary>
    protected string Folder { get; private set; } = null!;

    /// <summary>The start of the folder's name, so a left-over folder says which class made it.</summary>
    protected abstract string FolderPrefix { get; }

    /// <summary>Inconclusive, with the reason, when there is no C++ compiler to build a C-simulation library.</summary>
    public static void RequireCompiler()
    {
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS C-simulation library cannot be built.");
        }
    }

    [TestInitialize]
    public void CreateFolder()
    {
        RequireCompiler();
        Folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
    }

    [TestCleanup]
    public void DeleteFolder()
    {
        if (Folder is not null)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
