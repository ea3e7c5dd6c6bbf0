using System.Runtime.InteropServices;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The CPU emulation of aidge_cuda.h (AIDGE_CUDA_EMULATE) on hand-written kernels (Cuda/emulation_kernels.cu) built
/// with <see cref="CudaEmulatedBuild"/>: a shared-memory tiled GEMM, a grid-stride loop, 3-D grids and blocks, a tree
/// reduction that is exact with its barriers and caught without them, and the launch errors. The same file also goes
/// through clang's PTX recipe, so the kernels checked here are real CUDA.
/// </summary>
[TestClass]
public sealed unsafe class CudaEmulationTests
{
    private const string KernelFile = "emulation_kernels.cu";

    private static string? buildFolder;
    private static nint library;

    [ClassInitialize]
    public static void Build(TestContext context)
    {
        _ = context;
        var cxx = CCompilerLocator.FindCxx(null, out _);
        if (cxx is null)
        {
            return;
        }
        buildFolder = WriteSources();
        var result = CudaEmulatedBuild.Build(cxx, buildFolder, [KernelFile], "libemulation_kernels.so");
        Assert.IsTrue(result.Succeeded, $"The emulated build of {KernelFile} failed: {result.Summary()}");
        library = NativeLibrary.Load(Path.Combine(buildFolder, "libemulation_kernels.so"));
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        // The library stays loaded (its OpenMP threads may outlive the call); only its folder goes.
        if (buildFolder is not null)
        {
            Directory.Delete(buildFolder, recursive: true);
        }
    }

    [TestMethod]
    public void TiledGemmMatchesTheHostProduct()
    {
        // Sizes that are not multiples of the 16x16 tile, so the edge tiles' bounds checks run. Small integers keep
        // every partial sum exact in float, so the comparison can be exact whatever the summation order.
        const int m = 37, n = 29, k = 45;
        var a = Enumerable.Range(0, m * k).Select(i => (float)(i * 7 % 11 - 5)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(i => (float)(i * 5 % 9 - 4)).ToArray();
        var c = new float[m * n];
        var run = (delegate* unmanaged[Cdecl]<float*, float*, float*, int, int, int, int>)Export("test_tiled_gemm");
        fixed (float* pa = a, pb = b, pc = c)
        {
            Assert.AreEqual(0, run(pa, pb, pc, m, n, k));
        }
        for (int row = 0; row < m; row++)
        {
            for (int col = 0; col < n; col++)
            {
                float expected = 0;
                for (int i = 0; i < k; i++)
                {
                    expected += a[row * k + i] * b[i * n + col];
                }
                Assert.AreEqual(expected, c[row * n + col], $"C[{row},{col}]");
            }
        }
    }

    [TestMethod]
    public void GridStrideLoopCoversEveryElement()
    {
        // 3 blocks of 64 threads over 10,007 elements: each thread handles about 52 of them.
        const int n = 10_007;
        var x = Enumerable.Range(0, n).Select(i => (i % 13) - 6.5f).ToArray();
        var y = new float[n];
        var run = (delegate* unmanaged[Cdecl]<float*, float*, float, float, long, int, int, int>)Export("test_axpb_relu");
        fixed (float* px = x, py = y)
        {
            Assert.AreEqual(0, run(px, py, 2.0f, 1.0f, n, 3, 64));
        }
        for (int i = 0; i < n; i++)
        {
            Assert.AreEqual(MathF.Max(2.0f * x[i] + 1.0f, 0.0f), y[i], $"y[{i}]");
        }
    }

    [TestMethod]
    public void EveryThreadOfA3DGridRunsOnceWithItsCoordinates()
    {
        int[] grid = [3, 2, 2], block = [4, 3, 5];
        int count = grid.Aggregate(1, (p, d) => p * d) * block.Aggregate(1, (p, d) => p * d);
        var ids = new uint[count];
        var hits = new int[count];
        var run = (delegate* unmanaged[Cdecl]<uint*, int*, int, int, int, int, int, int, int>)Export("test_coordinates");
        fixed (uint* pids = ids)
        fixed (int* phits = hits)
        {
            Assert.AreEqual(0, run(pids, phits, grid[0], grid[1], grid[2], block[0], block[1], block[2]));
        }
        for (int i = 0; i < count; i++)
        {
            Assert.AreEqual((uint)i, ids[i], $"the thread with linear id {i} computed another id");
            Assert.AreEqual(1, hits[i], $"linear id {i} ran {hits[i]} times");
        }
    }

    [TestMethod]
    public void TreeReductionWithItsBarriersIsExact()
    {
        for (int trial = 0; trial < 10; trial++)
        {
            var (x, expected) = ReductionInput(trial);
            Assert.AreEqual(expected, Sum(x, withBarriers: true), $"trial {trial}");
        }
    }

    [TestMethod]
    public void TreeReductionWithoutItsBarriersIsCaught()
    {
        // The same kernel with the barriers left out: threads read shared slots their neighbours have not written yet
        // (or wrote in the previous launch). The block's threads are real threads, so this must go wrong here as on a
        // GPU; a run that got every trial right would mean the emulation serializes threads and hides such bugs.
        int wrong = 0;
        for (int trial = 0; trial < 10; trial++)
        {
            var (x, expected) = ReductionInput(trial);
            wrong += Sum(x, withBarriers: false) == expected ? 0 : 1;
        }
        Assert.IsGreaterThan(0, wrong, "Every reduction without barriers gave the right sum: the emulation did not expose the race.");
    }

    [TestMethod]
    public void BlockOfMoreThan1024ThreadsIsAnInvalidConfiguration()
    {
        var run = (delegate* unmanaged[Cdecl]<int, int>)Export("test_block_size");
        Assert.AreEqual(0, run(1024));
        Assert.AreEqual(9, run(2048), "cudaErrorInvalidConfiguration");
    }

    [TestMethod]
    public void LaunchThatCannotGetAFullTeamFailsInsteadOfComputing()
    {
        var run = (delegate* unmanaged[Cdecl]<int>)Export("test_nested_launch");
        Assert.AreEqual(719, run(), "cudaErrorLaunchFailure: a nested launch gets a team of one thread");
    }

    [TestMethod]
    public void TheSameKernelsCompileToPtx()
    {
        string? clang = CCompilerLocator.Resolve("clang-14");
        if (clang is null)
        {
            Assert.Inconclusive("No clang-14 on PATH: the PTX recipe needs it.");
            return;
        }
        string folder = WriteSources();
        try
        {
            var result = CompilerRun.Run(clang, ["-x", "cuda", "--cuda-device-only", "-nocudainc", "-nocudalib", "--cuda-gpu-arch=sm_70", "-O2", "-S", KernelFile, "-o", "kernels.ptx"], folder, NativeBuild.Timeout);
            Assert.IsTrue(result.Succeeded, result.Summary());
            string ptx = File.ReadAllText(Path.Combine(folder, "kernels.ptx"));
            Assert.AreEqual(4, ptx.Split(".entry").Length - 1, "one PTX entry per __global__ kernel");
            StringAssert.Contains(ptx, "bar.sync", "__syncthreads becomes a PTX barrier");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Sum(int[] x, bool withBarriers)
    {
        var run = (delegate* unmanaged[Cdecl]<int*, long, int, int, long*, int>)Export("test_sum");
        long total;
        fixed (int* px = x)
        {
            Assert.AreEqual(0, run(px, x.Length, 8, withBarriers ? 1 : 0, &total));
        }
        return total;
    }

    private static (int[] X, long Sum) ReductionInput(int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 50_000).Select(_ => random.Next(-1000, 1000)).ToArray();
        return (x, x.Sum(v => (long)v));
    }

    private static nint Export(string name)
    {
        if (library == 0)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the emulated CUDA build needs one.");
        }
        return NativeLibrary.GetExport(library, name);
    }

    /// <summary>A fresh folder holding the kernels and the aidge_cuda.h the exporter ships (its embedded copy).</summary>
    private static string WriteSources()
    {
        string folder = Directory.CreateTempSubdirectory("aidge-cuda-emulation-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Cuda", KernelFile), Path.Combine(folder, KernelFile));
        using var header = typeof(CudaEmitters).Assembly.GetManifestResourceStream("Aidge.Export.Cuda.Include.aidge_cuda.h")
            ?? throw new InvalidOperationException("aidge_cuda.h is not embedded in Aidge.Export.");
        using var file = File.Create(Path.Combine(folder, "aidge_cuda.h"));
        header.CopyTo(file);
        return folder;
    }
}
