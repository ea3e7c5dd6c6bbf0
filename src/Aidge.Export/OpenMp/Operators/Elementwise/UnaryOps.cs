using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// Elementwise activations and math functions of one input (the expressions are the shared <see cref="UnaryRows"/>),
/// each an OpenMP loop over the elements.
/// </summary>
[OpenMpEmitter("Relu")]
[OpenMpEmitter("LeakyRelu")]
[OpenMpEmitter("Sigmoid")]
[OpenMpEmitter("Tanh")]
[OpenMpEmitter("Exp")]
[OpenMpEmitter("Log")]
[OpenMpEmitter("Sqrt")]
[OpenMpEmitter("Abs")]
[OpenMpEmitter("Neg")]
[OpenMpEmitter("Reciprocal")]
[OpenMpEmitter("Floor")]
[OpenMpEmitter("Ceil")]
[OpenMpEmitter("Round")]
[OpenMpEmitter("Sin")]
[OpenMpEmitter("Cos")]
[OpenMpEmitter("Tan")]
[OpenMpEmitter("Asin")]
[OpenMpEmitter("Acos")]
[OpenMpEmitter("Atan")]
[OpenMpEmitter("Sinh")]
[OpenMpEmitter("Cosh")]
[OpenMpEmitter("Asinh")]
[OpenMpEmitter("Acosh")]
[OpenMpEmitter("Atanh")]
[OpenMpEmitter("Erf")]
[OpenMpEmitter("Sign")]
[OpenMpEmitter("Softplus")]
[OpenMpEmitter("Softsign")]
[OpenMpEmitter("Elu")]
[OpenMpEmitter("Selu")]
[OpenMpEmitter("Celu")]
[OpenMpEmitter("HardSigmoid")]
[OpenMpEmitter("HardSwish")]
[OpenMpEmitter("Mish")]
[OpenMpEmitter("ThresholdedRelu")]
[OpenMpEmitter("Not")]
[OpenMpEmitter("BitwiseNot")]
[OpenMpEmitter("IsNaN")]
[OpenMpEmitter("IsInf")]
[OpenMpEmitter("Shrink")]
[OpenMpEmitter("Gelu")]
[OpenMpEmitter("Gelu", Domain = AidgeDomain.Name)]
[OpenMpEmitter("Swish")]
public sealed class UnaryOps : INodeEmitter, IInPlaceEmitter
{
    /// <summary>y[i] is computed from x[i] alone, read before it is written.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = UnaryRows.Resolve(node, ElementTypeSets.WithHalf);
        yield return Helper(operation).Call(node.Input(0), node.Output(0), operation.Alpha, operation.Beta);
    }

    /// <summary>The C helper of a resolved operation.</summary>
    public static UnaryHelper Helper(UnaryOperation operation) => new(operation.Key, operation.Input, operation.Output, operation.Expression);

    /// <summary>The helper for an op, with the math suffix applied and <c>alpha</c>/<c>beta</c> typed as the input unless <paramref name="typedParameters"/> is false.</summary>
    public static UnaryHelper Helper(string op, DataType input, DataType output, string expression, bool typedParameters = true) =>
        Helper(UnaryRows.Operation(op, input, output, expression, typedParameters));
}
