using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// Cast and CastLike between numeric, half and bool types (C conversions: floats truncate toward zero into integers;
/// half types go through float, which the elementwise helper does).
/// </summary>
[OpenMpEmitter("Cast")]
[OpenMpEmitter("CastLike")]
public sealed class Cast : INodeEmitter, IInPlaceEmitter
{
    /// <summary>y[i] is converted from x[i] alone (the planner only asks when both have the same size, so the same element size).</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    private static readonly DataType[] Types = [.. ElementTypeSets.Numeric, DataType.Bool, DataType.Float16, DataType.BFloat16];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(input, Types);
        node.RequireType(output, Types);
        yield return input.Type == output.Type
            ? Copy.Call(input, output)
            : new UnaryHelper("cast", input.Type, output.Type, output.Type == DataType.Bool ? "x != 0" : "x").Call(input, output);
    }
}
