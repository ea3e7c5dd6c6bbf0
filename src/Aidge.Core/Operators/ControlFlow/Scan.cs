using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.ControlFlow;

/// <summary>
/// Scan-8 works on batches (axis 0 is the batch, axis 1 the sequence, an optional sequence_lens input first);
/// Scan-9 and later drop the batch and let each scan input and output choose its axis and direction.
/// </summary>
public sealed class ScanOperator : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Scan", 8).Until(8).Inputs(2, int.MaxValue).Outputs(1, int.MaxValue)
            .RequiredAttr("body", AttributeKind.Graph)
            .RequiredAttr("num_scan_inputs", AttributeKind.Int)
            .Attr("directions", AttributeKind.Ints)
            .Infer(InferBatched);
        registry.Add("Scan", 9).Inputs(1, int.MaxValue).Outputs(1, int.MaxValue)
            .RequiredAttr("body", AttributeKind.Graph)
            .RequiredAttr("num_scan_inputs", AttributeKind.Int)
            .Attr("scan_input_axes", AttributeKind.Ints)
            .Attr("scan_input_directions", AttributeKind.Ints)
            .Attr("scan_output_axes", AttributeKind.Ints)
            .Attr("scan_output_directions", AttributeKind.Ints)
            .Infer(Infer);
    }

    private static void Infer(InferenceContext ctx)
    {
        var body = ctx.Node.GetGraph("body")!;
        int scanInputs = (int)ctx.GetInt("num_scan_inputs");
        int states = ctx.InputCount - scanInputs;
        CheckArity(ctx, body, states, scanInputs);
        var inputAxes = ctx.GetInts("scan_input_axes") ?? new long[scanInputs];
        var outputAxes = ctx.GetInts("scan_output_axes") ?? new long[body.Outputs.Count - states];
        for (int i = 0; i < states; i++)
        {
            SubgraphTypes.TypeInput(body.Inputs[i], ctx.InputType(i));
        }
        for (int j = 0; j < scanInputs; j++)
        {
            SubgraphTypes.TypeInput(body.Inputs[states + j], SubgraphTypes.WithoutDim(ctx.InputType(states + j), inputAxes[j]));
        }
        ctx.InferSubgraph(body);
        var length = scanInputs > 0 ? SubgraphTypes.DimAt(ctx.InputType(states), inputAxes[0]) : Dim.Unknown;
        SetOutputs(ctx, body, states,
            (i, type) => SubgraphTypes.Unify(type, ctx.InputType(i)),
            (k, type) => SubgraphTypes.WithInsertedDim(type, length, outputAxes[k]));
    }

    /// <summary>Scan-8: the body sees one batch entry, so states lose axis 0 and scan inputs lose axes 0 and 1.</summary>
    private static void InferBatched(InferenceContext ctx)
    {
        var body = ctx.Node.GetGraph("body")!;
        int scanInputs = (int)ctx.GetInt("num_scan_inputs");
        int states = ctx.InputCount - 1 - scanInputs;
        CheckArity(ctx, body, states, scanInputs);
        for (int i = 0; i < states; i++)
        {
            SubgraphTypes.TypeInput(body.Inputs[i], SubgraphTypes.WithoutDim(ctx.InputType(1 + i), 0));
        }
        for (int j = 0; j < scanInputs; j++)
        {
            var perBatch = SubgraphTypes.WithoutDim(ctx.InputType(1 + states + j), 0);
            SubgraphTypes.TypeInput(body.Inputs[states + j], SubgraphTypes.WithoutDim(perBatch, 0));
        }
        ctx.InferSubgraph(body);
        var batch = SubgraphTypes.DimAt(ctx.InputType(1 + states), 0);
        var length = SubgraphTypes.DimAt(ctx.InputType(1 + states), 1);
        SetOutputs(ctx, body, states,
            (i, type) => SubgraphTypes.Unify(SubgraphTypes.WithInsertedDim(type, batch, 0), ctx.InputType(1 + i)),
            (_, type) => SubgraphTypes.WithInsertedDim(SubgraphTypes.WithInsertedDim(type, length, 0), batch, 0));
    }

    private static void CheckArity(InferenceContext ctx, Graph body, int states, int scanInputs)
    {
        if (scanInputs < 1 || states < 0 || body.Inputs.Count != states + scanInputs || body.Outputs.Count < states || ctx.OutputCount > body.Outputs.Count)
        {
            throw ctx.Fail($"num_scan_inputs={scanInputs} does not fit a node with {ctx.InputCount} inputs and a body with {body.Inputs.Count} inputs and {body.Outputs.Count} outputs.");
        }
    }

    /// <summary>Output i is final state i (typed by <paramref name="state"/>) or scan output k (typed by <paramref name="scan"/>).</summary>
    private static void SetOutputs(InferenceContext ctx, Graph body, int states, Func<int, IrType?, IrType?> state, Func<int, IrType?, IrType?> scan)
    {
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            var type = i < states ? state(i, body.Outputs[i].Type) : scan(i - states, body.Outputs[i].Type);
            if (type is not null)
            {
                ctx.SetOutput(i, type);
            }
        }
    }
}
