using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Signal;

/// <summary>HannWindow, HammingWindow, BlackmanWindow (17): a [size] window of the requested numeric type.</summary>
public sealed class Windows : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (string opType in new[] { "HannWindow", "HammingWindow", "BlackmanWindow" })
        {
            registry.Add(opType, 17).Inputs(1).Outputs(1)
                .Attr(OutputDataType.Attribute, AttributeKind.Int, (long)DataType.Float)
                .Attr("periodic", AttributeKind.Int, 1L)
                .Infer(Infer);
        }
    }

    private static void Infer(InferenceContext context)
    {
        Dim size = context.ConstantInput(0) is { Length: 1 } constant ? constant.GetInt64(0) : Dim.Unknown;
        context.SetOutput(0, OutputDataType.Of(context.GetInt(OutputDataType.Attribute)), new Shape([size]));
    }
}
