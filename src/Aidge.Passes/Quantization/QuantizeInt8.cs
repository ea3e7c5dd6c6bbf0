using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Quantization;

/// <summary>
/// Post-training int8 quantization with the calibrated ranges of <see cref="PassContext.Quantization"/>: each Conv,
/// Gemm, MatMul by constant 2-D weights, FusedConv and FusedGemm (with a Relu or Clip, fused or right after it, as
/// the output clamp) becomes a QConv or QGemm with per-output-channel int8 weights, an int32 bias and integer
/// requantization. QuantizeLinear goes where float data enters the integer region and DequantizeLinear where it
/// leaves; data-movement operators between quantized layers stay in the integer domain, and boundary pairs with
/// equal parameters cancel. Graph inputs and outputs stay float32, so the generated library's interface does not
/// change. A layer whose input or output has no calibrated range, or that cannot be quantized, stays float32 with
/// a note and one AIDGE2040 warning for all of them.
/// </summary>
public sealed class QuantizeInt8 : IPass
{
    public string Name => PipelineBuilder.Int8Quantization;

    public string Description => "Conv/Gemm/MatMul (+Relu/Clip) -> QConv/QGemm: int8 per-channel weights, uint8 or int8 activations from calibrated ranges";

    public PassResult Run(Graph graph, PassContext context)
    {
        if (context.Quantization is not { } settings)
        {
            return PassResult.Unchanged;
        }
        var parameters = ActivationParameters.Resolve(graph, settings);
        var notes = new List<string>();
        var skipped = new List<string>();
        var plans = new List<QuantizedLayerPlan>();
        foreach (var node in graph.Nodes)
        {
            var (layer, reason) = QuantizableLayer.Match(node, graph, context);
            if (layer is not null)
            {
                (var plan, reason) = QuantizedLayerPlan.Create(layer, parameters);
                if (plan is not null)
                {
                    plans.Add(plan);
                }
            }
            if (reason is not null)
            {
                notes.Add($"{node.OpType} '{node.DisplayName}' stays float32: {reason}.");
                skipped.Add(node.DisplayName);
            }
        }
        if (skipped.Count > 0)
        {
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.LayersLeftInFloat,
                $"{skipped.Count} layer(s) stay float32 under int8 quantization ({string.Join(", ", skipped.Take(5))}{(skipped.Count > 5 ? ", ..." : string.Empty)}); "
                + "the pass notes say why. Give calibration data that reaches them, or accept float32 for them.", context.ModelFile));
        }
        if (plans.Count == 0)
        {
            return new PassResult(0, 0, 0, 0, notes);
        }
        var nodesBefore = graph.Nodes.ToHashSet();
        long bytesBefore = GraphEdits.ParameterBytes(graph);
        AidgeDomain.EnsureImported(graph);
        var boundary = new QuantizationBoundary(graph);
        foreach (var plan in plans)
        {
            plan.Rewrite(graph, boundary);
        }
        graph.SortTopologically();
        int moved = IntegerDomain.Extend(graph, context);
        graph.SortTopologically();
        IntegerDomain.CancelPairs(graph, context);
        IntegerDomain.RemoveUnread(graph);
        foreach (var initializer in plans.SelectMany(p => p.Layer.Nodes).SelectMany(n => n.Inputs).OfType<Value>().Distinct().ToList())
        {
            GraphEdits.RemoveInitializerIfUnused(graph, initializer);
        }
        graph.SortTopologically();
        var nodesAfter = graph.Nodes.ToHashSet();
        notes.Insert(0, $"{plans.Count} layer(s) quantized ({string.Join(", ", plans.GroupBy(p => p.Layer.OpType).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"))}); "
            + $"{moved} data-movement node(s) kept in the integer domain.");
        return new PassResult(plans.Count, nodesBefore.Count(n => !nodesAfter.Contains(n)), nodesAfter.Count(n => !nodesBefore.Contains(n)),
            bytesBefore - GraphEdits.ParameterBytes(graph), notes);
    }
}
