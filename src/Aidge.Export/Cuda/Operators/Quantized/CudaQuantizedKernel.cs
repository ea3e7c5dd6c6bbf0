using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Quantized;

/// <summary>
/// The kernel of one ai.aidge QConv or QGemm node: a generated <c>__global__</c> wrapper that passes the layer's
/// device table of multipliers and shifts (<see cref="Table"/>, read by name: device memory has no host address to
/// pass) to the hand-written body <c>aidge_cu_&lt;stem&gt;_body</c> of Cuda/Runtime/aidge_cu_&lt;stem&gt;.cu, and its
/// launcher. Named after the stem, the activation type and the table, so layers with equal parameters share it.
/// </summary>
/// <param name="Stem">qgemm or qconv.</param>
/// <param name="Activations">uint8 or int8: the body's template argument.</param>
/// <param name="Parameters">The C parameter list after the pointers' element types are fixed (no stream).</param>
/// <param name="Arguments">The parameter names, in order, passed to the body.</param>
/// <param name="Items">The expression of the output count the grid covers.</param>
/// <param name="Table">The multipliers of the output channels, then their shifts.</param>
public sealed record CudaQuantizedKernel(string Stem, DataType Activations, string Parameters, string Arguments, string Items, ConstantTable Table) : CHelper
{
    public override string Name => $"aidge_cu_{Stem}_{CTypes.Tag(Activations)}_{Table.Name[^16..]}";

    public override IEnumerable<CHelper> Needs => [new CudaRuntimeHelper($"aidge_cu_{Stem}"), Table];

    public override string Code()
    {
        var w = new CSourceWriter();
        w.Open($"static __global__ void {Name}_kernel({Parameters})");
        w.Line($"aidge_cu_{Stem}_body<{CTypes.Of(Activations)}>({Arguments}, {Table.Name});");
        w.Close();
        w.Open($"static void {Name}({Parameters}, cudaStream_t stream)");
        w.Line($"const long long items = {Items};");
        w.Open("if (items > 0)");
        w.Line($"AIDGE_LAUNCH({Name}_kernel, aidge_cu_grid(items), AIDGE_CU_THREADS, stream, {Arguments});");
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The device table of a layer's per-channel multipliers and shifts.</summary>
    public static ConstantTable Requantization(QuantizedLayer layer) =>
        new(DataType.Int32, layer.Multipliers.Concat(layer.Shifts).ToEquatableArray()) { Device = true };

    /// <summary>The <c>aidge_cu_qlayer</c> argument of a layer.</summary>
    public static string Layer(QuantizedLayer layer) =>
        $"aidge_cu_qlayer{{{CLiteral.Int(layer.XZeroPoint)}, {CLiteral.Int(layer.YZeroPoint)}, {CLiteral.Int(layer.YMin)}, {CLiteral.Int(layer.YMax)}}}";
}
