namespace Aidge.Core.Diagnostics;

/// <summary>
/// Every stable diagnostic code in one place, so that codes are never reused and the README table can be checked against it.
/// </summary>
public static class DiagnosticCodes
{
    // 1xxx: import and the IR.

    /// <summary>The model file cannot be opened or read.</summary>
    public const string FileUnreadable = "AIDGE1001";

    /// <summary>The bytes are not a valid ONNX protobuf (truncated, corrupt or not ONNX).</summary>
    public const string MalformedModel = "AIDGE1002";

    /// <summary>A tensor's data does not match its element type and dims.</summary>
    public const string TensorDataMismatch = "AIDGE1003";

    /// <summary>A dim is negative, or the dims multiply beyond what can be stored.</summary>
    public const string InvalidDims = "AIDGE1004";

    /// <summary>An element type that the IR cannot hold (float8, int4, complex, or unknown numbers).</summary>
    public const string UnsupportedElementType = "AIDGE1005";

    /// <summary>The node graph has a cycle.</summary>
    public const string GraphCycle = "AIDGE1006";

    /// <summary>A node input or graph output names a value that nothing defines.</summary>
    public const string UndefinedValue = "AIDGE1007";

    /// <summary>An operator (or an opset version of it) outside the registry.</summary>
    public const string UnsupportedOperator = "AIDGE1008";

    /// <summary>External tensor data is missing, too short, or outside the model's folder.</summary>
    public const string ExternalDataInvalid = "AIDGE1009";

    /// <summary>A node's inputs or attributes violate its schema (arity, attribute type).</summary>
    public const string SchemaViolation = "AIDGE1010";

    /// <summary>Type and shape inference found inconsistent types or shapes.</summary>
    public const string InferenceFailed = "AIDGE1011";

    /// <summary>A value is defined twice, or the graph is otherwise structurally invalid.</summary>
    public const string InvalidGraph = "AIDGE1012";

    /// <summary>An attribute value has the wrong type or is out of range.</summary>
    public const string InvalidAttribute = "AIDGE1013";

    // 2xxx: passes.

    /// <summary>A pass failed or left an invalid graph; the message names the pass and the node.</summary>
    public const string PassFailed = "AIDGE2001";

    /// <summary>An optimization level or pass name that does not exist.</summary>
    public const string UnknownPass = "AIDGE2002";

    // 2020-2029: fused operators (FusedConv, FusedGemm) and the fuse-activations pass.

    /// <summary>A FusedConv/FusedGemm node's activation is unknown or has the wrong number of parameters.</summary>
    public const string InvalidFusedActivation = "AIDGE2020";

    // 2030-2039: pruning.

    /// <summary>A pruning ratio outside [0, 1].</summary>
    public const string InvalidPruneRatio = "AIDGE2030";

    /// <summary>A per-layer pruning ratio names no node of the model.</summary>
    public const string PruneLayerNotFound = "AIDGE2031";

    // 2040-2059: quantization.

    /// <summary>int8 quantization left some layers in float32 (no calibrated range, or weights it cannot quantize); warning.</summary>
    public const string LayersLeftInFloat = "AIDGE2040";

    // 3xxx: simulation.

    /// <summary>A kernel failed while executing a node.</summary>
    public const string KernelFailed = "AIDGE3001";

    /// <summary>A graph input was missing or had the wrong type or shape at run time.</summary>
    public const string InputMismatch = "AIDGE3002";

    /// <summary>No simulator kernel for the operator.</summary>
    public const string NoKernel = "AIDGE3003";

    /// <summary>The simulation ran past its time limit and was stopped.</summary>
    public const string SimulationCancelled = "AIDGE3004";

    // 3010-3019: build-time verification of the optimized graph, and the sample data it runs on.

    /// <summary>The fp32 optimized graph computes different outputs than the imported one; the message names the first pass that broke it.</summary>
    public const string PassBrokeEquivalence = "AIDGE3010";

    /// <summary>Pruning or quantization kept less top-1 agreement with the original model than MinAgreement asks (warning).</summary>
    public const string FidelityBelowThreshold = "AIDGE3011";

    /// <summary>The figures of the check of the optimized graph against the imported one, or why it was skipped (info).</summary>
    public const string PassVerification = "AIDGE3012";

    /// <summary>A .npy or .pb data file cannot be read: unreadable, malformed, or a dtype or layout that is not supported.</summary>
    public const string DataFileInvalid = "AIDGE3013";

    /// <summary>Sample, calibration or label data does not fit the model: input count, shape, element type or sample count.</summary>
    public const string DataMismatch = "AIDGE3014";

    /// <summary>A compile option's value is malformed or out of range (e.g. --prune).</summary>
    public const string InvalidOptionValue = "AIDGE3015";

    // 3020-3029: calibration.

    /// <summary>int8 quantization was calibrated on seeded random samples because no CalibrationData was given (warning).</summary>
    public const string SyntheticCalibration = "AIDGE3020";

    /// <summary>Calibration stopped at its time budget and used the samples it had run (info).</summary>
    public const string CalibrationCutShort = "AIDGE3021";

    // 3030-3039: the report and the cost model.

    /// <summary>The machine probe could not measure the build machine; its cost estimate uses generic figures (warning).</summary>
    public const string MachineProbeFailed = "AIDGE3030";

    // 4xxx: export and toolchain (4001-4039: aidgec compile and the OpenMP C target).

    /// <summary>A symbolic input dim has no --dim value; it is fixed to 1 (warning).</summary>
    public const string UnboundSymbolicDim = "AIDGE4001";

    /// <summary>The target has no emitter for the node's operator (or opset version).</summary>
    public const string OperatorNotExported = "AIDGE4002";

    /// <summary>The target's emitter cannot handle this node's element types or attribute values.</summary>
    public const string NodeNotExported = "AIDGE4003";

    /// <summary>A tensor's shape is not static after binding the input dims, so no fixed-size code can be emitted.</summary>
    public const string DynamicShape = "AIDGE4004";

    /// <summary>The --target is not one this compiler emits.</summary>
    public const string UnknownTarget = "AIDGE4005";

    /// <summary>A value is not a plain tensor (a sequence, map or optional), which the target cannot hold.</summary>
    public const string NonTensorValue = "AIDGE4006";

    /// <summary>The output folder or a file in it cannot be written.</summary>
    public const string OutputUnwritable = "AIDGE4007";

    /// <summary>No C compiler was found; sources and manifest are written, the native library is not (warning).</summary>
    public const string NoCCompiler = "AIDGE4010";

    /// <summary>The C compiler named by --cc / AidgeCCompiler does not exist.</summary>
    public const string CCompilerMissing = "AIDGE4011";

    /// <summary>The C compiler failed on the generated sources (its messages follow).</summary>
    public const string CCompilerFailed = "AIDGE4012";

    /// <summary>The C compiler did not finish within its time limit and was stopped.</summary>
    public const string CCompilerTimedOut = "AIDGE4013";

    /// <summary>The built library's outputs differ from the simulator's on the build-time check: an exporter bug.</summary>
    public const string NativeMismatch = "AIDGE4020";

    /// <summary>The build-time check of the native library against the simulator passed or was skipped, and why (info).</summary>
    public const string NativeVerification = "AIDGE4021";

    /// <summary>The built library could not be loaded or its run failed during the build-time check.</summary>
    public const string NativeRunFailed = "AIDGE4022";

    // 4030-4034: the CUDA target's toolchain.

    /// <summary>No nvcc was found; the CUDA sources and the manifest are written, the library is not (warning).</summary>
    public const string NoNvcc = "AIDGE4030";

    /// <summary>The nvcc (or CUDA folder) named by --nvcc / AidgeCudaPath does not exist.</summary>
    public const string NvccMissing = "AIDGE4031";

    /// <summary>nvcc failed on the generated CUDA sources (its messages follow).</summary>
    public const string NvccFailed = "AIDGE4032";

    /// <summary>nvcc did not finish within its time limit and was stopped.</summary>
    public const string NvccTimedOut = "AIDGE4033";

    /// <summary>The CudaArch metadata (--cuda-arch) is not a GPU architecture of the form sm_NN.</summary>
    public const string CudaArchInvalid = "AIDGE4034";

    // 4040-4043: the HLS target's options and C-simulation toolchain.

    /// <summary>HLS metadata (ReuseFactor, Strategy, IOType, ClockPeriod, FpgaPart) has a value outside what is allowed; the message names both.</summary>
    public const string InvalidHlsOption = "AIDGE4040";

    /// <summary>No C++ compiler (CXX, g++, clang++) for the HLS target's C-simulation library: the sources are written, the library is not built (warning).</summary>
    public const string NoCxxCompiler = "AIDGE4041";

    /// <summary>The C++ compiler failed on the HLS target's C-simulation sources; the message carries its errors.</summary>
    public const string CxxCompilerFailed = "AIDGE4042";

    /// <summary>The C++ compiler of the HLS target's C simulation did not finish within its time limit and was stopped.</summary>
    public const string CxxCompilerTimedOut = "AIDGE4043";

    // 4044-4049: the HLS target's fixed-point designs.

    /// <summary>The Precision metadata (--precision) is not a fixed-point format, or leaves no room for the design's accumulator; the message names the value and the fix.</summary>
    public const string InvalidPrecision = "AIDGE4044";

    /// <summary>Precision was given for a graph that is int8-quantized: the quantized layers compute in integers, so the precision is ignored (warning).</summary>
    public const string PrecisionIgnored = "AIDGE4045";

    /// <summary>A node of a fixed-point design (Precision set) has no fixed-point form with an error bound; the message names the node and the fix.</summary>
    public const string NoFixedPointForm = "AIDGE4046";

    /// <summary>A fixed-point design's values leave its format's range on the build-time check (wrapped results), or its weights do at compile time (warning naming the values and a wider precision).</summary>
    public const string FixedPointOutOfRange = "AIDGE4047";
}
