using Aidge.Conformance;

// aidge-conformance [--target simulator|openmp|cuda-ptx|cuda-emulated|cuda-gpu|hls|hls-fixed] [filter...] [--out FILE] [--failures-only]
//                   [--nvcc PATH] [--cuda-arch sm_NN]
//   Runs the ONNX backend conformance cases whose "<folder>/<case>" contains any filter (all without filters),
//   on the simulator (the default), through the OpenMP C target (exported, compiled into one library, run via its C ABI),
//   through the CUDA target to PTX (exported, each case's device code compiled with clang; nothing runs), or through
//   the CUDA target in emulation (exported, built with g++ -DAIDGE_CUDA_EMULATE into one library, run via its C ABI),
//   or through the CUDA target on the GPU (exported as for the emulation, built with nvcc: --nvcc, else CUDA_PATH, PATH,
//   /usr/local/cuda; for --cuda-arch, else this machine's GPUs; run via its C ABI on the device),
//   or through the HLS target's C simulation (exported, compiled with g++ into one library, run via its C ABI), or
//   through fixed-point HLS designs (a precision chosen per case; each output within the error bound stated for it).
// aidge-conformance --ops
//   Prints the operator support matrix, the same as `aidgec ops`.
if (args is ["--ops"])
{
    return Aidge.Compiler.Commands.OpsCommand.Run(Console.Out);
}

var filters = new List<string>();
string target = "simulator";
string? output = null;
bool failuresOnly = false;
string? nvccPath = null;
string cudaArch = Aidge.Export.Toolchain.NvccLocator.NativeArch;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--target" when i + 1 < args.Length && args[i + 1] is "simulator" or "openmp" or "cuda-ptx" or "cuda-emulated" or "cuda-gpu" or "hls" or "hls-fixed":
            target = args[++i];
            break;
        case "--nvcc" when i + 1 < args.Length:
            nvccPath = args[++i];
            break;
        case "--cuda-arch" when i + 1 < args.Length:
            cudaArch = args[++i];
            if (!Aidge.Export.Toolchain.CudaArch.IsValid(cudaArch))
            {
                // It reaches nvcc's command line: only sm_NN is let through, as aidgec's --cuda-arch.
                Console.Error.WriteLine($"aidge-conformance: error: --cuda-arch {cudaArch} is not sm_NN (e.g. sm_90).");
                return 2;
            }
            break;
        case "--failures-only":
            failuresOnly = true;
            break;
        default:
            filters.Add(args[i]);
            break;
    }
}

string dataRoot = ConformanceSuite.DataRoot();
if (!Directory.Exists(dataRoot))
{
    Console.Error.WriteLine($"aidge-conformance: error: no conformance data at {dataRoot}; set AIDGE_ONNX_TESTS.");
    return 2;
}
string artifacts = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance");
output ??= Path.Combine(artifacts, $"{target}.txt");
var lockObject = new object();
Action<CaseResult> print = r =>
{
    if (!failuresOnly || r.Status != CaseStatus.Passed)
    {
        lock (lockObject)
        {
            Console.WriteLine(r);
        }
    }
};
string? clang = Aidge.Export.Toolchain.PtxCompiler.Find();
if (target == "cuda-ptx" && clang is null)
{
    Console.Error.WriteLine($"aidge-conformance: error: {Aidge.Export.Toolchain.PtxCompiler.MissingMessage}.");
    return 2;
}
string? nvccMissing = null;
var nvcc = target == "cuda-gpu" ? Aidge.Export.Toolchain.NvccLocator.Find(nvccPath, out nvccMissing) : null;
if (target == "cuda-gpu" && nvcc is null)
{
    Console.Error.WriteLine(nvccMissing is null
        ? "aidge-conformance: error: no nvcc found (--nvcc, CUDA_PATH, PATH, /usr/local/cuda): the CUDA target cannot be built for the GPU here."
        : $"aidge-conformance: error: --nvcc {nvccMissing} is neither nvcc nor a CUDA folder holding bin/nvcc.");
    return 2;
}
var results = target switch
{
    "openmp" => Aidge.Conformance.OpenMp.OpenMpConformance.Run(dataRoot, filters, Path.Combine(artifacts, "openmp-build"), print),
    "cuda-ptx" => Aidge.Conformance.Cuda.CudaPtxConformance.Run(dataRoot, filters, Path.Combine(artifacts, "cuda-ptx-build"), clang!, print),
    "cuda-emulated" => Aidge.Conformance.Cuda.CudaEmulatedConformance.Run(dataRoot, filters, Path.Combine(artifacts, "cuda-emulated-build"), print),
    "cuda-gpu" => Aidge.Conformance.Cuda.CudaGpuConformance.Run(dataRoot, filters, Path.Combine(artifacts, "cuda-gpu-build"), nvcc!.Path, cudaArch, print),
    "hls" => Aidge.Conformance.Hls.HlsConformance.Run(dataRoot, filters, Path.Combine(artifacts, "hls-build"), print),
    "hls-fixed" => Aidge.Conformance.Hls.HlsFixedConformance.Run(dataRoot, filters, Path.Combine(artifacts, "hls-fixed-build"), print),
    _ => ConformanceSuite.Run(dataRoot, filters, print),
};
if (filters.Count == 0)
{
    ConformanceReport.Write(output, results);
    Console.WriteLine($"wrote {output}");
}
foreach (var line in ConformanceReport.SummaryLines(results))
{
    Console.WriteLine(line);
}
// The fixed-point run's CI test covers a subset (the whole suite takes minutes), so its threshold is checked here.
if (target == "hls-fixed" && filters.Count == 0)
{
    int passed = ConformanceReport.Count(results, CaseStatus.Passed);
    int required = Thresholds.Load(Path.Combine(ConformanceSuite.RepositoryRoot(), "tests", "Aidge.Conformance", "thresholds.txt"))[Thresholds.HlsFixedKey];
    if (passed < required || results.Any(r => r.Status == CaseStatus.Failed))
    {
        Console.Error.WriteLine($"aidge-conformance: error: hls-fixed: {passed} cases passed ({ConformanceReport.Count(results, CaseStatus.Failed)} failed), thresholds.txt requires {required} and no failure.");
        return 1;
    }
}
return 0;
