using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>BatchNormalization at inference (float32): one scale and shift per channel from the running statistics.</summary>
[OpenMpEmitter("BatchNormalization")]
public sealed class BatchNormalization : INodeEmitter, IInPlaceEmitter
{
    /// <summary>aidge_batchnorm_f32 computes y[i] from x[i] and per-channel constants.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        BatchNormalizationCheck.Require(node);
        long channels = x.Rank > 1 ? x.Dims[1] : 1;
        long spatial = x.Dims.Skip(2).Aggregate(1L, (p, d) => p * d);
        yield return new KernelCall(new RuntimeHelper("aidge_batchnorm_f32"), new[]
        {
            NodeContext.Threads, x.Read, node.Input(1).Read, node.Input(2).Read, node.Input(3).Read, node.Input(4).Read, y.Write,
            CLiteral.Int(x.Dims[0]), CLiteral.Int(channels), CLiteral.Int(spatial), CLiteral.Float(node.GetFloat("epsilon")),
        }.ToEquatableArray());
    }
}
