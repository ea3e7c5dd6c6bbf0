using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Reduction;

/// <summary>
/// ReduceSum, ReduceMean, ReduceMax... : one schema pair per operator, the attribute form (axes as an
/// attribute) up to the version where axes became an optional second input.
/// </summary>
public sealed class Reductions : IOperatorFamily
{
    /// <summary>Each reduction with the first opset version that takes axes as an input.</summary>
    private static readonly (string OpType, int AxesInputSince)[] Operators =
    [
        ("ReduceSum", 13),
        ("ReduceMean", 18),
        ("ReduceMax", 18),
        ("ReduceMin", 18),
        ("ReduceProd", 18),
        ("ReduceL1", 18),
        ("ReduceL2", 18),
        ("ReduceLogSum", 18),
        ("ReduceLogSumExp", 18),
        ("ReduceSumSquare", 18),
    ];

    public void Register(OperatorRegistry registry)
    {
        foreach (var (opType, axesInputSince) in Operators)
        {
            registry.Add(opType, 1).Until(axesInputSince - 1).Inputs(1).Outputs(1)
                .Attr("axes", AttributeKind.Ints)
                .Attr("keepdims", AttributeKind.Int, 1L)
                .Infer(ctx => Infer(ctx, ctx.GetInts("axes"), axesKnown: true));
            registry.Add(opType, axesInputSince).Inputs(1, 2).Outputs(1)
                .Attr("keepdims", AttributeKind.Int, 1L)
                .Attr("noop_with_empty_axes", AttributeKind.Int, 0L)
                .Infer(ctx =>
                {
                    var axes = ctx.ConstantInput(1);
                    Infer(ctx, axes?.ToInt64Array(), axesKnown: !ctx.HasInput(1) || axes is not null);
                });
        }
    }

    private static void Infer(InferenceContext ctx, long[]? axes, bool axesKnown)
    {
        var element = ctx.InputElementType(0);
        var input = ctx.InputShape(0);
        bool keepDims = ctx.GetInt("keepdims") != 0;
        bool noop = ctx.Schema.Attributes.ContainsKey("noop_with_empty_axes") && ctx.GetInt("noop_with_empty_axes") != 0;
        if (input is null)
        {
            ctx.SetOutput(0, element, null);
            return;
        }
        if (!axesKnown)
        {
            // Each dim is either kept or becomes 1, so only dims that already are 1 are certain.
            ctx.SetOutput(0, element, keepDims ? new Shape(input.Select(d => d.Value == 1 ? d : Dim.Unknown)) : null);
            return;
        }
        var reduced = ReductionAxes.Resolve(axes, input.Rank, noop);
        ctx.SetOutput(0, element, new Shape(ReductionAxes.OutputDims<Dim>(input, reduced, keepDims, 1)));
    }
}
