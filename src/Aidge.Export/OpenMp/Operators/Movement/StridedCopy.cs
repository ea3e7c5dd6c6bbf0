using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>The call of the strided gather helper: the output in order, each output axis reading the source with its own stride from a first element.</summary>
public static class StridedCopy
{
    public static KernelCall Call(TensorRef source, TensorRef target, long[] sourceStrides, long sourceOffset) =>
        new(new RuntimeHelper("aidge_gather_strided"), new[]
        {
            NodeContext.Threads, source.Read, target.Write, CLiteral.Int(source.Type.SizeOf()), target.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CLiteral.Int64Array(target.Dims), CLiteral.Int64Array(sourceStrides), CLiteral.Int(sourceOffset), CLiteral.Int(target.ElementCount),
        }.ToEquatableArray());
}
