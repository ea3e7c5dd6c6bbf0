using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>Concat of any element type: each input's blocks are copied to their offset along the axis.</summary>
[OpenMpEmitter("Concat")]
public sealed class Concat : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var y = node.Output(0);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), y.Rank);
        long outer = y.Dims.Take(axis).Aggregate(1L, (p, d) => p * d);
        long size = y.Type.SizeOf();
        long targetBlock = y.Dims.Skip(axis).Aggregate(size, (p, d) => p * d);
        long offset = 0;
        for (int i = 0; i < node.InputCount; i++)
        {
            var x = node.Input(i);
            long chunk = x.Dims.Skip(axis).Aggregate(size, (p, d) => p * d);
            if (chunk > 0)
            {
                yield return new KernelCall(new RuntimeHelper("aidge_concat_part"), new[]
                {
                    y.Write, x.Read, CLiteral.Int(outer), CLiteral.Int(chunk), CLiteral.Int(targetBlock), CLiteral.Int(offset),
                }.ToEquatableArray());
            }
            offset += chunk;
        }
    }
}
