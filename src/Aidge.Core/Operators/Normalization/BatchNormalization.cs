using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Normalization;

/// <summary>
/// BatchNormalization: X, scale, B, input_mean, input_var. Up to opset 13 it lists up to four training outputs
/// (mean, var, saved_mean, saved_var); from opset 14 training_mode selects two (running_mean, running_var).
/// </summary>
public sealed class BatchNormalizationFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        Common(registry.Add("BatchNormalization", 1).Until(13).Outputs(1, 5))
            .Attr("is_test", AttributeKind.Int, 0L)
            .Attr("spatial", AttributeKind.Int, 1L);
        Common(registry.Add("BatchNormalization", 14).Outputs(1, 3))
            .Attr("training_mode", AttributeKind.Int, 0L);
    }

    private static OpSchema Common(OpSchema schema) => schema
        .Inputs(5)
        .Attr("epsilon", AttributeKind.Float, 1e-5f)
        .Attr("momentum", AttributeKind.Float, 0.9f)
        .Infer(Infer);

    private static void Infer(InferenceContext ctx)
    {
        ctx.PropagateInput(0, 0);
        // Every statistic output has the per-channel shape of input_mean / input_var.
        for (int i = 1; i < ctx.OutputCount; i++)
        {
            ctx.PropagateInput(i % 2 == 1 ? 3 : 4, i);
        }
    }
}
