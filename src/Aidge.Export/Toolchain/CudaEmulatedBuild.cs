namespace Aidge.Export.Toolchain;

/// <summary>
/// Builds a generated model's <c>.cu</c> for the CPU: g++ compiles it as C++ with <c>AIDGE_CUDA_EMULATE</c>, the mode
/// of aidge_cuda.h that runs each launch's blocks one at a time as OpenMP teams of <c>blockDim</c> threads. There is
/// no GPU and no nvcc here, and PTX only proves that the device code compiles; this library runs the same kernels
/// through the same C ABI, so their arithmetic can be compared with the simulator. It is a check, not a product:
/// the library is slow (a thread per CUDA thread) and never shipped as the model's native library.
/// </summary>
public static class CudaEmulatedBuild
{
    /// <summary>
    /// Flags that decide the emulated code: the .cu read as C++17 (lambdas carry the launch arguments), OpenMP (the
    /// block's threads and barriers), position-independent code for the shared library. -O2, not -O3: this build
    /// checks results, and a smaller optimizer budget keeps hundreds of conformance cases quick to compile.
    /// </summary>
    public static IReadOnlyList<string> CodeFlags { get; } = ["-x", "c++", "-std=c++17", "-O2", "-fopenmp", "-fPIC", "-fvisibility=hidden", "-DAIDGE_CUDA_EMULATE", "-Wa,-I."];

    /// <summary>Arguments compiling <paramref name="sources"/> (.cu files, run in their folder) into the shared library <paramref name="library"/>.</summary>
    public static IReadOnlyList<string> SharedLibraryArguments(IEnumerable<string> sources, string library) =>
        [.. CodeFlags, "-shared", .. sources, "-o", library, "-lm"];

    /// <summary>Arguments compiling one .cu into an object file, for a batch linked by <see cref="LinkArguments"/>.</summary>
    public static IReadOnlyList<string> ObjectArguments(string source, string objectFile) =>
        [.. CodeFlags, "-c", source, "-o", objectFile];

    /// <summary>Arguments linking object files built by <see cref="ObjectArguments"/> into one shared library.</summary>
    public static IReadOnlyList<string> LinkArguments(IEnumerable<string> objects, string library) =>
        ["-shared", "-fopenmp", .. objects, "-o", library, "-lm"];

    /// <summary>Builds the library in <paramref name="directory"/> (where the sources and aidge_cuda.h are) with the C++ compiler.</summary>
    public static CompilerRunResult Build(CCompiler cxx, string directory, IEnumerable<string> sources, string library) =>
        CompilerRun.Run(cxx.Path, SharedLibraryArguments(sources, library), directory, NativeBuild.Timeout);
}
