using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Quantized;

/// <summary>DynamicQuantizeLinear (float32 to uint8 over the input's own range): see OpenMp/Runtime/aidge_dynamic_quantize_f32.c.</summary>
[OpenMpEmitter("DynamicQuantizeLinear", SinceVersion = 11)]
public sealed class DynamicQuantizeLinear : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, DataType.Float);
        yield return new KernelCall(new RuntimeHelper("aidge_dynamic_quantize_f32"), new[]
        {
            NodeContext.Threads, x.Read, node.Output(0).Write, node.Output(1).Write, node.Output(2).Write, CLiteral.Int(x.ElementCount),
        }.ToEquatableArray());
    }
}
