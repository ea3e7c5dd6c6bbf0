using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>The cost model's machine probe is built from the exporter's runtime helpers: it must follow their signatures.</summary>
[TestClass]
public sealed class MachineProbeTests
{
    [TestMethod]
    public void ProbeCompilesAndRunsWithTheCurrentRuntimeHelpers()
    {
        var compiler = CCompilerLocator.Find(null, out _);
        if (compiler is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the probe cannot be built.");
        }
        var cache = Directory.CreateTempSubdirectory("aidge-probe-cache-");
        try
        {
            var outcome = MachineProbe.Measure(compiler, "O3", cache.FullName);

            Assert.IsNull(outcome.Failure, outcome.Failure);
            Assert.IsFalse(outcome.FromCache);
            Assert.IsNotNull(outcome.Figures);
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }
}
