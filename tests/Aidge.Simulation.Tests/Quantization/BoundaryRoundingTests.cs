using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Quantization;

/// <summary>
/// The simulator's QuantizeLinear and DequantizeLinear compute what the exported C does: nearbyintf(x / scale) with
/// the division in float32 and ties to even, and (float)(q − zp) · scale.
/// </summary>
[TestClass]
public sealed class BoundaryRoundingTests
{
    [TestMethod]
    public void QuantizeLinearRoundsTheFloat32QuotientHalfToEven()
    {
        // The first input divides to 43.499998… in double but exactly 43.5 in float32 (see RequantizationTests).
        float[] inputs = [0.902848482f, 0.5f * 0.25f, 1.5f * 0.25f, 2.5f * 0.25f, -2.5f * 0.25f, 1000f, -1000f];
        float[] scales = [0.0207551382f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f];
        for (int i = 0; i < inputs.Length; i++)
        {
            var builder = new ModelBuilder(opset: 13)
                .Input("x", Tensor.FromArray([inputs[i]], 1))
                .Initializer("scale", Tensor.Scalar(scales[i]).Reshape())
                .Initializer("zero_point", Tensor.FromSpan<byte>(DataType.UInt8, [], [10]))
                .Node("QuantizeLinear", ["x", "scale", "zero_point"], ["q"])
                .Node("DequantizeLinear", ["q", "scale", "zero_point"], ["y"])
                .Output("q", DataType.UInt8)
                .Output("y");
            var outputs = new SimulatorModel(builder.ToBytes()).Run(builder.Feeds);
            int expected = Requantization.Quantize(inputs[i], scales[i], 10, 0, 255);
            Assert.AreEqual(expected, outputs[0].Span<byte>()[0], $"x = {inputs[i]}, scale = {scales[i]}");
            Assert.AreEqual((float)(expected - 10) * scales[i], outputs[1].Span<float>()[0]);
        }
    }
}
