using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Training;

/// <summary>
/// The optimizer steps of ai.onnx.preview.training: inputs are R, T, then k tensors per state kind (X..., G...,
/// then the optimizer's accumulators); outputs are the updated X... and accumulators, each typed and shaped like
/// the input it replaces.
/// </summary>
public sealed class Optimizers : IOperatorFamily
{
    public const string Domain = "ai.onnx.preview.training";

    public void Register(OperatorRegistry registry)
    {
        // Adagrad: X, G, H -> X_new, H_new.
        registry.Add("Adagrad", 1, Domain).Inputs(3, int.MaxValue).Outputs(1, int.MaxValue)
            .Attr("decay_factor", AttributeKind.Float, 0f)
            .Attr("epsilon", AttributeKind.Float, 0f)
            .Attr("norm_coefficient", AttributeKind.Float, 0f)
            .Infer(ctx => Infer(ctx, inputKinds: 3, outputSources: [0, 2]));
        // Adam: X, G, V, H -> X_new, V_new, H_new.
        registry.Add("Adam", 1, Domain).Inputs(3, int.MaxValue).Outputs(1, int.MaxValue)
            .Attr("alpha", AttributeKind.Float, 0.9f)
            .Attr("beta", AttributeKind.Float, 0.999f)
            .Attr("epsilon", AttributeKind.Float, 0f)
            .Attr("norm_coefficient", AttributeKind.Float, 0f)
            .Attr("norm_coefficient_post", AttributeKind.Float, 0f)
            .Infer(ctx => Infer(ctx, inputKinds: 4, outputSources: [0, 2, 3]));
        // Momentum: X, G, V -> X_new, V_new.
        registry.Add("Momentum", 1, Domain).Inputs(3, int.MaxValue).Outputs(1, int.MaxValue)
            .RequiredAttr("alpha", AttributeKind.Float)
            .RequiredAttr("beta", AttributeKind.Float)
            .RequiredAttr("mode", AttributeKind.String)
            .RequiredAttr("norm_coefficient", AttributeKind.Float)
            .Infer(ctx =>
            {
                string mode = ctx.GetString("mode");
                if (mode is not ("standard" or "nesterov"))
                {
                    throw ctx.Fail($"mode must be standard or nesterov, not '{mode}'.");
                }
                Infer(ctx, inputKinds: 3, outputSources: [0, 2]);
            });
    }

    /// <summary>Output group o, tensor i is typed like input group <c>outputSources[o]</c>, tensor i.</summary>
    private static void Infer(InferenceContext ctx, int inputKinds, int[] outputSources)
    {
        int tensors = (ctx.InputCount - 2) / inputKinds;
        if (tensors == 0 || (ctx.InputCount - 2) % inputKinds != 0 || ctx.OutputCount > outputSources.Length * tensors)
        {
            throw ctx.Fail($"expects R, T and {inputKinds} inputs per optimized tensor, with at most {outputSources.Length} outputs per tensor; got {ctx.InputCount} inputs and {ctx.OutputCount} outputs.");
        }
        for (int output = 0; output < ctx.OutputCount; output++)
        {
            if (ctx.HasOutput(output))
            {
                int source = 2 + outputSources[output / tensors] * tensors + output % tensors;
                ctx.PropagateInput(source, output);
            }
        }
    }
}
