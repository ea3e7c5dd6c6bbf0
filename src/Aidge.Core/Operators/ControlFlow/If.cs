using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.ControlFlow;

/// <summary>
/// If: runs one of two branch graphs. The versions after 1 only widen the allowed value types (sequences,
/// optionals), so one schema covers them all.
/// </summary>
public sealed class IfOperator : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("If", 1).Inputs(1).Outputs(1, int.MaxValue)
            .RequiredAttr("then_branch", AttributeKind.Graph)
            .RequiredAttr("else_branch", AttributeKind.Graph)
            .Infer(Infer);

    /// <summary>With a constant condition the taken branch alone decides the types; otherwise both branches must be covered.</summary>
    private static void Infer(InferenceContext ctx)
    {
        var thenBranch = ctx.Node.GetGraph("then_branch")!;
        var elseBranch = ctx.Node.GetGraph("else_branch")!;
        ctx.InferSubgraph(thenBranch);
        ctx.InferSubgraph(elseBranch);
        if (thenBranch.Outputs.Count != ctx.OutputCount || elseBranch.Outputs.Count != ctx.OutputCount)
        {
            throw ctx.Fail($"the node has {ctx.OutputCount} outputs but the branches return {thenBranch.Outputs.Count} and {elseBranch.Outputs.Count}.");
        }
        bool? constant = ctx.ConstantInput(0) is { Length: 1 } cond ? cond.GetDouble(0) != 0 : null;
        for (int i = 0; i < ctx.OutputCount; i++)
        {
            var type = constant switch
            {
                true => thenBranch.Outputs[i].Type,
                false => elseBranch.Outputs[i].Type,
                null => SubgraphTypes.Unify(thenBranch.Outputs[i].Type, elseBranch.Outputs[i].Type),
            };
            if (type is not null)
            {
                ctx.SetOutput(i, type);
            }
        }
    }
}
