using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Elementwise;

/// <summary>Cast and CastLike between the numeric types and bool (C conversions: floats truncate toward zero into integers; bool is x != 0).</summary>
[CudaEmitter("Cast")]
[CudaEmitter("CastLike")]
public sealed class CudaCast : INodeEmitter, IInPlaceEmitter
{
    /// <summary>y[i] is converted from x[i] alone (the planner only asks when both have the same size).</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    private static readonly DataType[] Types = [.. ElementTypeSets.Numeric, DataType.Bool];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(input, Types);
        node.RequireType(output, Types);
        yield return input.Type == output.Type
            ? CudaCopy.Call(input, output)
            : CudaElementwiseKernel.Unary(new UnaryOperation("cast", input.Type, output.Type, output.Type == DataType.Bool ? "x != 0" : "x", 0, 0)).Call(input, output);
    }
}
