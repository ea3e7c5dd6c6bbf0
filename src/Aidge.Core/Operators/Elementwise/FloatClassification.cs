using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>IsNaN and IsInf: a bool tensor of the input's shape.</summary>
public sealed class FloatClassification : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("IsNaN", 9).Inputs(1).Outputs(1).Infer(ToBool);
        registry.Add("IsInf", 10).Inputs(1).Outputs(1)
            .Attr("detect_negative", AttributeKind.Int, 1L).Attr("detect_positive", AttributeKind.Int, 1L)
            .Infer(ToBool);
    }

    private static void ToBool(InferenceContext context) => context.SetOutput(0, DataType.Bool, context.InputShape(0));
}
