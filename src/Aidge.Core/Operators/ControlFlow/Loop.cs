using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.ControlFlow;

/// <summary>
/// Loop: Loop-1 needs at least 3 inputs (M, cond, one loop-carried value), Loop-11 lets the loop carry nothing;
/// later versions only widen the value types.
/// </summary>
public sealed class LoopOperator : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Loop", 1).Until(10).Inputs(3, int.MaxValue).Outputs(1, int.MaxValue)
            .RequiredAttr("body", AttributeKind.Graph).Infer(Infer);
        registry.Add("Loop", 11).Inputs(2, int.MaxValue).Outputs(1, int.MaxValue)
            .RequiredAttr("body", AttributeKind.Graph).Infer(Infer);
    }

    /// <summary>
    /// The body sees (iteration, cond, carried...) and returns (cond, carried..., scan elements...). A carried
    /// value may change shape between iterations, so untyped body inputs get the initial value's type without
    /// shapes, and the final value covers both the initial value (zero iterations) and the body's result.
    /// </summary>
    private static void Infer(InferenceContext ctx)
    {
        var body = ctx.Node.GetGraph("body")!;
        int carried = ctx.InputCount - 2;
        int scanned = body.Outputs.Count - 1 - carried;
        if (body.Inputs.Count != carried + 2 || scanned < 0 || ctx.OutputCount > carried + scanned)
        {
            throw ctx.Fail($"the body takes {body.Inputs.Count} inputs and returns {body.Outputs.Count} values, which does not fit {carried} loop-carried values.");
        }
        SubgraphTypes.TypeInput(body.Inputs[0], new TensorType(DataType.Int64, Shape.Scalar));
        SubgraphTypes.TypeInput(body.Inputs[1], new TensorType(DataType.Bool, Shape.Scalar));
        for (int i = 0; i < carried; i++)
        {
            if (ctx.InputType(2 + i) is { } initial)
            {
                SubgraphTypes.TypeInput(body.Inputs[2 + i], SubgraphTypes.WithoutShapes(initial));
            }
        }
        ctx.InferSubgraph(body);
        for (int i = 0; i < carried; i++)
        {
            if (SubgraphTypes.Unify(body.Outputs[1 + i].Type, ctx.InputType(2 + i)) is { } type)
            {
                ctx.SetOutput(i, type);
            }
        }
        var iterations = TripCount(ctx, body);
        for (int k = 0; k < scanned; k++)
        {
            if (SubgraphTypes.WithInsertedDim(body.Outputs[1 + carried + k].Type, iterations, 0) is { } type)
            {
                ctx.SetOutput(carried + k, type);
            }
        }
    }

    /// <summary>
    /// The number of iterations when it is known before running: a constant M, and a condition that cannot
    /// stop the loop early (absent or constant true, and passed through the body unchanged).
    /// </summary>
    private static Dim TripCount(InferenceContext ctx, Graph body)
    {
        if (ctx.ConstantInput(0) is not { Length: 1 } m)
        {
            return Dim.Unknown;
        }
        bool startsTrue = !ctx.HasInput(1) || ctx.ConstantInput(1) is { Length: 1 } cond && cond.GetDouble(0) != 0;
        return startsTrue && PassesThrough(body.Outputs[0], body.Inputs[1]) ? Math.Max(m.GetInt64(0), 0) : Dim.Unknown;
    }

    private static bool PassesThrough(Value output, Value input) =>
        output == input || output.Producer is { OpType: "Identity" } identity && identity.Input(0) == input;
}
