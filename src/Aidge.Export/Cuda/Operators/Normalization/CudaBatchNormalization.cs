using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Normalization;

/// <summary>BatchNormalization at inference (float32): one scale and shift per channel from the running statistics (Cuda/Runtime/aidge_cu_batchnorm_f32.cu).</summary>
[CudaEmitter("BatchNormalization")]
public sealed class CudaBatchNormalization : INodeEmitter, IInPlaceEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_batchnorm_f32");

    /// <summary>Thread i computes y[i] from x[i] and per-channel constants.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, DataType.Float);
        if (node.HasOutput(1) || node.HasOutput(2) || node.Node.GetInt("training_mode", 0) != 0)
        {
            throw node.Unsupported("training mode (running mean and variance outputs) is not supported; export the model for inference");
        }
        for (int i = 1; i <= 4; i++)
        {
            node.RequireType(node.Input(i), DataType.Float);
        }
        yield return new KernelCall(Helper, new[]
        {
            x.Read, node.Input(1).Read, node.Input(2).Read, node.Input(3).Read, node.Input(4).Read, node.Output(0).Write,
            CLiteral.Int(x.Dims[0]), CLiteral.Int(x.Rank > 1 ? x.Dims[1] : 1), CLiteral.Int(TensorLayout.Product(x.Dims, 2, x.Rank)), CLiteral.Float(node.GetFloat("epsilon")), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
