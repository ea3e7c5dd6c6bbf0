using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.MachineLearning;

/// <summary>
/// TreeEnsemble (ai.onnx.ml 5): the aggregated leaf weights reached by each row of an [N, F] input, as
/// [N, n_targets] in the input's type.
/// </summary>
public sealed class TreeEnsemble : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("TreeEnsemble", 5, MachineLearningDomain.Name).Inputs(1).Outputs(1)
            .Attr("aggregate_function", AttributeKind.Int, 1L)
            .RequiredAttr("leaf_targetids", AttributeKind.Ints)
            .RequiredAttr("leaf_weights", AttributeKind.Tensor)
            .Attr("membership_values", AttributeKind.Tensor)
            .Attr("n_targets", AttributeKind.Int)
            .RequiredAttr("nodes_falseleafs", AttributeKind.Ints)
            .RequiredAttr("nodes_falsenodeids", AttributeKind.Ints)
            .RequiredAttr("nodes_featureids", AttributeKind.Ints)
            .Attr("nodes_hitrates", AttributeKind.Tensor)
            .Attr("nodes_missing_value_tracks_true", AttributeKind.Ints)
            .RequiredAttr("nodes_modes", AttributeKind.Tensor)
            .RequiredAttr("nodes_splits", AttributeKind.Tensor)
            .RequiredAttr("nodes_trueleafs", AttributeKind.Ints)
            .RequiredAttr("nodes_truenodeids", AttributeKind.Ints)
            .Attr("post_transform", AttributeKind.Int, 0L)
            .RequiredAttr("tree_roots", AttributeKind.Ints)
            .Infer(Infer);

    /// <summary>The post_transform code of PROBIT, which the simulator does not implement.</summary>
    private const long ProbitTransform = 4;

    private static void Infer(InferenceContext context)
    {
        var input = context.InputShape(0);
        if (input is { Rank: not 2 })
        {
            throw context.Fail($"X must be [N, F], not {input}.");
        }
        if (context.GetInt("post_transform") == ProbitTransform)
        {
            // Reported at import, where the user can still change the model, rather than when it first runs.
            throw new AidgeException(DiagnosticCodes.UnsupportedOperator,
                "TreeEnsemble with post_transform=PROBIT is not supported; export the model without the transform.", node: context.Node.DisplayName);
        }
        Dim batch = input?[0] ?? Dim.Unknown;
        Dim targets = context.Node.HasAttribute("n_targets") ? Dim.Of(context.GetInt("n_targets")) : Dim.Unknown;
        context.SetOutput(0, context.InputElementType(0), new Shape([batch, targets]));
    }
}
