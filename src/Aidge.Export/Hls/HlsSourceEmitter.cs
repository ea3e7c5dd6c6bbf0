using Aidge.Export.C;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Export.Hls.Writers;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls;

/// <summary>
/// Text of the HLS target: turns an <see cref="ExportPlan"/> (planned with <see cref="HlsEmitters.Target"/>) into
/// <list type="bullet">
/// <item><c>&lt;prefix&gt;.cpp</c>: the layer functions and the synthesizable top (<see cref="HlsTopWriter"/>);</item>
/// <item><c>&lt;prefix&gt;_top.h</c>, <c>&lt;prefix&gt;_weights.h</c> (<see cref="HlsWeightsWriter"/>);</item>
/// <item><c>&lt;prefix&gt;_tb.cpp</c> and <c>run_hls.tcl</c> for Vitis HLS (<see cref="HlsTestbenchWriter"/>, <see cref="HlsTclWriter"/>);</item>
/// <item><c>&lt;prefix&gt;.h</c> and <c>&lt;prefix&gt;_abi.cpp</c>: the standard C ABI of the C-simulation library (<see cref="HlsAbiWriter"/>);</item>
/// <item>the headers the repo owns (Hls/Include: the FIFO type, the arbitrary-precision types), copied beside them.</item>
/// </list>
/// Only plan data and options reach the text, so equal inputs give equal bytes.
/// </summary>
public static class HlsSourceEmitter
{
    /// <summary>The arbitrary-precision types and the FIFO type (<c>aidge::stream</c>): the Xilinx types under Vitis, plain C++ otherwise.</summary>
    public const string TypesHeader = "aidge_hls_types.h";

    /// <summary>The activation functions of the float layers.</summary>
    public const string MathHeader = "aidge_hls_math.h";

    /// <summary>The helpers of fixed-point layers (Relu on any fixed type).</summary>
    public const string FixedHeader = "aidge_hls_fixed.h";

    private const string IncludeResourcePrefix = "Aidge.Export.Hls.Include.";

    /// <param name="fixedPoint">The formats and bounds of a fixed-point design, whose plan came from <see cref="HlsEmitters.FixedTarget"/>; null for a float one.</param>
    public static IReadOnlyList<GeneratedFile> Emit(ExportPlan plan, HlsOptions options, string modelFile, FixedPointBuild? fixedPoint = null)
    {
        var program = HlsProgram.From(plan, fixedPoint?.Design);
        string prefix = plan.Prefix;
        var files = new List<GeneratedFile>
        {
            GeneratedFile.Text($"{prefix}.h", AbiHeaderWriter.Write(prefix, modelFile, program.Inputs.Select(Abi).ToList(), program.Outputs.Select(Abi).ToList())),
            GeneratedFile.Text($"{prefix}_top.h", HlsTopWriter.Header(program, modelFile)),
            GeneratedFile.Text($"{prefix}_weights.h", HlsWeightsWriter.Write(program, modelFile)),
            GeneratedFile.Text($"{prefix}.cpp", HlsTopWriter.Source(program, options, modelFile)),
            GeneratedFile.Text($"{prefix}_abi.cpp", HlsAbiWriter.Write(program, modelFile)),
            GeneratedFile.Text($"{prefix}_tb.cpp", HlsTestbenchWriter.Write(program, modelFile, fixedPoint?.OutputBounds)),
            GeneratedFile.Text("run_hls.tcl", HlsTclWriter.Write(program, options, modelFile)),
        };
        files.AddRange(OwnedHeaders());
        return files;
    }

    /// <summary>The source of the C-simulation library: the C ABI, which includes the design (not the testbench).</summary>
    public static string LibrarySource(string prefix) => $"{prefix}_abi.cpp";

    /// <summary>The files of one design that depend on its plan (all but run_hls.tcl and the owned headers, which many designs can share).</summary>
    public static bool IsDesignFile(GeneratedFile file, string prefix) =>
        file.RelativePath.StartsWith(prefix + ".", StringComparison.Ordinal) || file.RelativePath.StartsWith(prefix + "_", StringComparison.Ordinal);

    /// <summary>The headers under Hls/Include, embedded by the csproj, in name order.</summary>
    public static IEnumerable<GeneratedFile> OwnedHeaders() =>
        typeof(HlsSourceEmitter).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(IncludeResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => GeneratedFile.Text(n[IncludeResourcePrefix.Length..], RuntimeSources.Read(n)));

    private static AbiTensor Abi(HlsArray array) => new(array.Tensor.Name, array.Tensor.Type, array.Tensor.Dims);
}
