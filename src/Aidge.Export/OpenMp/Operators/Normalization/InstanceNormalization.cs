using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>InstanceNormalization: each (image, channel) plane is a row, normalized with its channel's scale and bias.</summary>
[OpenMpEmitter("InstanceNormalization")]
public sealed class InstanceNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Float);
        long channels = input.Dims[1];
        long rows = TensorLayout.Product(input.Dims, 0, 2);
        long cols = TensorLayout.Product(input.Dims, 2, input.Rank);
        yield return new RowNormalizeHelper(input.Type).Call(input, node.Output(0), rows, cols, node.Input(1), 0, node.Input(2), 0,
            period: channels, rowStep: 1, node.GetFloat("epsilon"), null, null);
    }
}
