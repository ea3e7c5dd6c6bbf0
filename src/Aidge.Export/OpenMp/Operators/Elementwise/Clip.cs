using Aidge.Core.Tensors;
using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>Clip (float32/float64): bounds from the attributes (before opset 11) or from constant inputs 1 and 2; a missing bound is infinite.</summary>
[OpenMpEmitter("Clip")]
public sealed class Clip : IOpenMpEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, ElementTypeSets.Float);
        double min = node.OpsetVersion < 11 ? node.GetFloat("min") : Bound(node, 1, double.NegativeInfinity);
        double max = node.OpsetVersion < 11 ? node.GetFloat("max") : Bound(node, 2, double.PositiveInfinity);
        var helper = UnaryOps.Helper("clip", x.Type, x.Type, "x < alpha ? alpha : x > beta ? beta : x");
        yield return helper.Call(x, node.Output(0), min, max);
    }

    private static double Bound(NodeContext node, int index, double missing) =>
        node.HasInput(index) ? node.RequireConstantInput(index, index == 1 ? "min" : "max").GetDouble(0) : missing;
}
