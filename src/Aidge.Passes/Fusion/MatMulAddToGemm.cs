using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Turns MatMul(A, B) + C into Gemm(A, B, C) — a fully connected layer as older exporters write it — when A is 2-D,
/// B a constant 2-D float32 matrix and C a constant that broadcasts into the [M, N] product without changing its shape
/// (a bias per column: [N], [1, N], or a scalar). MatMul of rank > 2 is left alone: Gemm is 2-D only.
/// </summary>
public sealed class MatMulAddToGemm : IPass
{
    public string Name => "matmul-add-to-gemm";

    public string Description => "Replaces 2-D MatMul with a constant matrix followed by Add of a constant bias with one Gemm.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var rewriter = new GraphRewriter(graph);
        if (graph.OnnxOpset < 7)
        {
            // Gemm before opset 7 broadcast C only when told to, with other rules: not worth a second form.
            return rewriter.Finish();
        }
        foreach (var matMul in rewriter.Anchors("MatMul"))
        {
            var product = matMul.Output(0);
            if (matMul.Input(0) is not { Shape.Rank: 2, ElementType: DataType.Float } a
                || Patterns.FloatConstant(context, matMul.Input(1)) is not { Rank: 2 } weight
                || rewriter.SoleConsumer(product) is not { OpType: "Add" } add
                || !GraphEdits.IsOnnx(add)
                || Patterns.OtherInput(add, product!) is not { } bias
                || Patterns.FloatConstant(context, bias) is not { } biasData
                || !BroadcastsIntoProduct(biasData, a.Shape![0].Value, weight.Dims[1]))
            {
                continue;
            }
            var b = matMul.Input(1);
            var output = add.Output(0)!;
            rewriter.Replace([matMul, add], () => rewriter.AddNode("Gemm", [a, b, bias], output, matMul.Name));
            rewriter.Rewrote($"MatMul '{matMul.DisplayName}' and Add '{add.DisplayName}' became one Gemm");
        }
        return rewriter.Finish();
    }

    /// <summary>C broadcasts into [M, N] unidirectionally (as Gemm requires) and leaves the Add's output [M, N].</summary>
    private static bool BroadcastsIntoProduct(Tensor bias, long? rows, long columns) => bias.Rank switch
    {
        0 => true,
        1 => bias.Dims[0] == 1 || bias.Dims[0] == columns,
        2 => (bias.Dims[0] == 1 || bias.Dims[0] == rows) && (bias.Dims[1] == 1 || bias.Dims[1] == columns),
        _ => false,
    };
}
