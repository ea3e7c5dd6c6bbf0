using Aidge.Core.Tensors;
using Aidge.Simulation.Tests.Oracle;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Elementwise;

/// <summary>Unary functions, activations and integer operators against ONNX Runtime, including tiny and large inputs.</summary>
[TestClass]
public sealed class ElementwiseOracleTests
{
    /// <summary>Ordinary values, values near zero (where cancellation shows) and large ones (where overflow shows).</summary>
    private static Tensor Probe(ModelBuilder model)
    {
        var values = model.RandomValues(64, -4f, 4f)
            .Concat(model.RandomValues(32, -1e-3f, 1e-3f))
            .Concat(model.RandomValues(16, -1e-6f, 1e-6f))
            .Concat(model.RandomValues(16, -60f, 60f))
            .Concat([0f, -0f, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 1f])
            .ToArray();
        return Tensor.FromArray(values, values.Length);
    }

    [TestMethod]
    [DataRow("Abs", "")]
    [DataRow("Neg", "")]
    [DataRow("Sign", "")]
    [DataRow("Reciprocal", "")]
    [DataRow("Sqrt", "")]
    [DataRow("Exp", "")]
    [DataRow("Log", "")]
    [DataRow("Erf", "")]
    [DataRow("Ceil", "")]
    [DataRow("Floor", "")]
    [DataRow("Round", "")]
    [DataRow("Sin", "")]
    [DataRow("Cos", "")]
    [DataRow("Tan", "")]
    [DataRow("Asin", "")]
    [DataRow("Acos", "")]
    [DataRow("Atan", "")]
    [DataRow("Sinh", "")]
    [DataRow("Cosh", "")]
    [DataRow("Tanh", "")]
    [DataRow("Asinh", "")]
    [DataRow("Acosh", "")]
    [DataRow("Atanh", "")]
    [DataRow("Relu", "")]
    [DataRow("Sigmoid", "")]
    [DataRow("Softplus", "")]
    [DataRow("Softsign", "")]
    [DataRow("HardSwish", "")]
    [DataRow("Mish", "")]
    [DataRow("LeakyRelu", "alpha=0.2")]
    [DataRow("Elu", "alpha=0.7")]
    [DataRow("Selu", "")]
    [DataRow("Celu", "alpha=1.5")]
    [DataRow("ThresholdedRelu", "alpha=0.3")]
    [DataRow("HardSigmoid", "alpha=0.3;beta=0.4")]
    [DataRow("Shrink", "bias=0.2;lambd=0.6")]
    [DataRow("Gelu", "")]
    [DataRow("Gelu", "approximate=tanh")]
    [DataRow("Clip", "")]
    public void UnaryFunctionAgreesWithOnnxRuntime(string op, string attributes)
    {
        var model = new ModelBuilder(opset: 22);
        model.Input("X", Probe(model)).Node(op, ["X"], ["Y"], CaseText.Attributes(attributes)).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-6);
    }

    [TestMethod]
    [DataRow("Mod", "fmod=0", DataType.Int32)]
    [DataRow("Mod", "fmod=1", DataType.Int32)]
    [DataRow("Mod", "fmod=1", DataType.Float)]
    [DataRow("Div", "", DataType.Int64)]
    [DataRow("Max", "", DataType.Int8)]
    [DataRow("Min", "", DataType.UInt32)]
    [DataRow("Greater", "", DataType.Int32)]
    [DataRow("LessOrEqual", "", DataType.Double)]
    [DataRow("Equal", "", DataType.Int64)]
    [DataRow("BitwiseXor", "", DataType.Int16)]
    public void IntegerAndComparisonOperatorsAgreeWithOnnxRuntime(string op, string attributes, DataType type)
    {
        var model = new ModelBuilder(opset: 22);
        var left = ElementConversion(model.UniformTensor(-50f, 50f, 4, 6), type);
        var right = ElementConversion(NonZero(model.UniformTensor(-9f, 9f, 6)), type);
        bool comparison = op is "Greater" or "LessOrEqual" or "Equal";
        model.Input("A", left).Input("B", right).Node(op, ["A", "B"], ["C"], CaseText.Attributes(attributes)).Output("C", comparison ? DataType.Bool : type);
        OracleAssert.Agrees(model, rtol: 1e-6, atol: 0);
    }

    private static Tensor ElementConversion(Tensor values, DataType type)
    {
        var truncated = Tensor.FromArray(values.Span<float>().ToArray().Select(MathF.Truncate).ToArray(), values.Dims);
        return Kernels.Elementwise.ElementConversion.Convert(truncated, type);
    }

    private static Tensor NonZero(Tensor values)
    {
        var span = values.Span<float>();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = MathF.Abs(span[i]) < 1 ? 3 : span[i];
        }
        return values;
    }
}
