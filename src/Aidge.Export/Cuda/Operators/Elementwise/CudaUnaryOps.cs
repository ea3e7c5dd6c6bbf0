using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>Elementwise activations and math functions of one input: the shared <see cref="UnaryRows"/>, each a CUDA grid-stride kernel.</summary>
[CudaEmitter("Relu")]
[CudaEmitter("LeakyRelu")]
[CudaEmitter("Sigmoid")]
[CudaEmitter("Tanh")]
[CudaEmitter("Exp")]
[CudaEmitter("Log")]
[CudaEmitter("Sqrt")]
[CudaEmitter("Abs")]
[CudaEmitter("Neg")]
[CudaEmitter("Reciprocal")]
[CudaEmitter("Floor")]
[CudaEmitter("Ceil")]
[CudaEmitter("Round")]
[CudaEmitter("Sin")]
[CudaEmitter("Cos")]
[CudaEmitter("Tan")]
[CudaEmitter("Asin")]
[CudaEmitter("Acos")]
[CudaEmitter("Atan")]
[CudaEmitter("Sinh")]
[CudaEmitter("Cosh")]
[CudaEmitter("Asinh")]
[CudaEmitter("Acosh")]
[CudaEmitter("Atanh")]
[CudaEmitter("Erf")]
[CudaEmitter("Sign")]
[CudaEmitter("Softplus")]
[CudaEmitter("Softsign")]
[CudaEmitter("Elu")]
[CudaEmitter("Selu")]
[CudaEmitter("Celu")]
[CudaEmitter("HardSigmoid")]
[CudaEmitter("HardSwish")]
[CudaEmitter("Mish")]
[CudaEmitter("ThresholdedRelu")]
[CudaEmitter("Not")]
[CudaEmitter("BitwiseNot")]
[CudaEmitter("IsNaN")]
[CudaEmitter("IsInf")]
[CudaEmitter("Shrink")]
[CudaEmitter("Gelu")]
[CudaEmitter("Gelu", Domain = AidgeDomain.Name)]
[CudaEmitter("Swish")]
public sealed class CudaUnaryOps : INodeEmitter, IInPlaceEmitter
{
    /// <summary>Thread i reads x[i] before it writes y[i], and no other thread touches either.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = UnaryRows.Resolve(node, CudaTypes.Held);
        yield return CudaElementwiseKernel.Unary(operation).Call(node.Input(0), node.Output(0), operation.Alpha, operation.Beta);
    }
}
