using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.MachineLearning;

/// <summary>
/// ArrayFeatureExtractor (ai.onnx.ml 1): picks the flattened indices Y along the last axis of X, giving
/// X.shape[:-1] + [Y.size]; a 1-D X is treated as one row, so its result is [1, Y.size].
/// </summary>
public sealed class ArrayFeatureExtractor : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("ArrayFeatureExtractor", 1, MachineLearningDomain.Name).Inputs(2).Outputs(1).Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        var data = context.InputShape(0);
        var indices = context.InputShape(1);
        Dim selected = indices?.ElementCount is long count ? Dim.Of(count) : Dim.Unknown;
        Shape? output = data switch
        {
            null => null,
            { Rank: 0 } => throw context.Fail("X must have at least one dimension."),
            { Rank: 1 } => new Shape([Dim.Of(1), selected]),
            _ => new Shape(data.Take(data.Rank - 1).Append(selected)),
        };
        context.SetOutput(0, context.InputElementType(0), output);
    }
}
