using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>Cast and CastLike (<see cref="CastTypes"/>), half types too: the elementwise helper goes through float for them.</summary>
[OpenMpEmitter("Cast")]
[OpenMpEmitter("CastLike")]
public sealed class Cast : INodeEmitter, IInPlaceEmitter
{
    /// <summary>y[i] is converted from x[i] alone (the planner only asks when both have the same size, so the same element size).</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    private static readonly DataType[] Types = [.. CastTypes.Plain, DataType.Float16, DataType.BFloat16];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var cast = CastTypes.Resolve(node, Types);
        yield return cast is null ? Copy.Call(node.Input(0), node.Output(0)) : UnaryOps.Helper(cast).Call(node.Input(0), node.Output(0));
    }
}
