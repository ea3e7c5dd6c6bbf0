using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>DepthToSpace (mode DCR or CRD from opset 11) and SpaceToDepth on NCHW tensors.</summary>
public sealed class DepthToSpaceFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("DepthToSpace", 1).Until(10).Inputs(1).Outputs(1).RequiredAttr("blocksize", AttributeKind.Int).Infer(InferDepthToSpace);
        registry.Add("DepthToSpace", 11).Inputs(1).Outputs(1)
            .RequiredAttr("blocksize", AttributeKind.Int)
            .Attr("mode", AttributeKind.String, "DCR")
            .Infer(InferDepthToSpace);
        registry.Add("SpaceToDepth", 1).Inputs(1).Outputs(1).RequiredAttr("blocksize", AttributeKind.Int).Infer(InferSpaceToDepth);
    }

    private static void InferDepthToSpace(InferenceContext context)
    {
        long b = context.GetInt("blocksize");
        context.SetOutput(0, context.InputElementType(0), RankFour(context, input =>
            new[] { input[0], ShapeInputs.Quotient([input[1]], [b * b]), ShapeInputs.Product([input[2], b]), ShapeInputs.Product([input[3], b]) }));
    }

    private static void InferSpaceToDepth(InferenceContext context)
    {
        long b = context.GetInt("blocksize");
        context.SetOutput(0, context.InputElementType(0), RankFour(context, input =>
            new[] { input[0], ShapeInputs.Product([input[1], b * b]), ShapeInputs.Quotient([input[2]], [b]), ShapeInputs.Quotient([input[3]], [b]) }));
    }

    private static Shape RankFour(InferenceContext context, Func<Shape, Dim[]> dims)
    {
        if (context.GetInt("blocksize") <= 0)
        {
            throw context.Fail("blocksize must be positive.");
        }
        return context.InputShape(0) switch
        {
            null => Shape.OfRank(4),
            { Rank: 4 } input => new Shape(dims(input)),
            var other => throw context.Fail($"needs a 4-D input, got {other}."),
        };
    }
}
