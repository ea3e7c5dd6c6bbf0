using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// Conv and ConvTranspose against ONNX Runtime: groups, dilations, strides, asymmetric pads, every auto_pad (the
/// SAME rows make the total padding odd, where SAME_UPPER and SAME_LOWER differ). ORT rejects dilations with
/// SAME padding, so dilated rows give explicit pads.
/// </summary>
[TestClass]
public sealed class ConvTests
{
    private const double Rtol = 1e-4;
    private const double Atol = 1e-5;

    [TestMethod]
    [DataRow("1,4,9,9", "6,2,3,3", "group=2;pads=[1,1,1,1]")]
    [DataRow("2,6,8,8", "6,2,3,3", "group=3;strides=[2,2]")]
    [DataRow("1,3,11,11", "4,3,3,3", "dilations=[2,2]")]
    [DataRow("1,3,12,10", "4,3,3,2", "dilations=[2,3];strides=[2,1];pads=[1,0,2,1]")]
    [DataRow("1,3,7,8", "5,3,3,3", "pads=[0,1,2,0]")]
    [DataRow("1,4,6,6", "4,2,2,3", "group=2;pads=[1,2,0,1]")]
    [DataRow("1,2,7,8", "3,2,3,3", "auto_pad=NOTSET;pads=[1,0,1,2];kernel_shape=[3,3]")]
    [DataRow("1,2,7,8", "3,2,4,4", "auto_pad=SAME_UPPER")]
    [DataRow("1,2,7,8", "3,2,4,4", "auto_pad=SAME_LOWER")]
    [DataRow("1,2,9,8", "3,2,3,2", "auto_pad=SAME_UPPER;strides=[2,2]")]
    [DataRow("1,2,9,8", "3,2,3,2", "auto_pad=SAME_LOWER;strides=[2,2]")]
    [DataRow("1,4,9,10", "4,2,3,3", "auto_pad=SAME_LOWER;strides=[2,2];group=2")]
    [DataRow("1,2,9,8", "3,2,3,3", "auto_pad=VALID;strides=[2,3]")]
    [DataRow("1,3,20", "4,3,5", "pads=[2,1];strides=[2]")]
    [DataRow("1,2,5,6,7", "3,2,3,3,3", "pads=[1,1,1,0,1,2];strides=[1,2,1]")]
    public void ConvMatchesOnnxRuntime(string input, string weight, string attributes) =>
        OracleAssert.Agrees(Convolution("Conv", input, weight, attributes), Rtol, Atol);

    /// <summary>Depthwise: one group per input channel, with channel multipliers 1 and 2.</summary>
    [TestMethod]
    [DataRow("1,8,10,10", "8,1,3,3", "group=8;pads=[1,1,1,1]")]
    [DataRow("2,8,11,9", "16,1,3,3", "group=8;strides=[2,2];pads=[1,1,1,1]")]
    [DataRow("1,6,12,12", "6,1,5,5", "group=6;dilations=[2,2];pads=[4,4,4,4]")]
    [DataRow("1,6,12,12", "6,1,5,5", "group=6;strides=[2,2];auto_pad=SAME_UPPER")]
    [DataRow("1,4,9,9", "4,1,3,3", "group=4;pads=[0,1,1,0];strides=[2,2]")]
    public void DepthwiseConvMatchesOnnxRuntime(string input, string weight, string attributes) =>
        OracleAssert.Agrees(Convolution("Conv", input, weight, attributes), Rtol, Atol);

    /// <summary>ConvTranspose weights are [C_in, C_out / group, kernel...]; output_padding must stay below the stride.</summary>
    [TestMethod]
    [DataRow("1,3,5,5", "3,4,3,3", "strides=[2,2];output_padding=[1,1]")]
    [DataRow("1,2,4,5", "2,3,3,3", "strides=[3,2];output_padding=[2,1];pads=[1,0,1,1]")]
    [DataRow("1,4,4,4", "4,3,3,3", "group=2;strides=[2,2];output_padding=[1,0]")]
    [DataRow("1,2,5,5", "2,2,3,3", "dilations=[2,2];strides=[2,2]")]
    [DataRow("2,2,4,4", "2,3,4,4", "strides=[2,2];pads=[1,1,1,1]")]
    [DataRow("1,2,4,4", "2,3,3,3", "strides=[2,2];output_shape=[9,10]")]
    [DataRow("1,2,4,5", "2,3,3,3", "auto_pad=SAME_UPPER;strides=[2,2]")]
    [DataRow("1,2,4,5", "2,3,3,3", "auto_pad=SAME_LOWER;strides=[2,2]")]
    [DataRow("1,2,4,5", "2,3,3,3", "auto_pad=VALID;strides=[1,2]")]
    [DataRow("1,2,7", "2,3,4", "strides=[3];output_padding=[2]")]
    public void ConvTransposeMatchesOnnxRuntime(string input, string weight, string attributes) =>
        OracleAssert.Agrees(Convolution("ConvTranspose", input, weight, attributes), Rtol, Atol);

    /// <summary>A Conv or ConvTranspose with random weights and a bias (whose size is the output channel count).</summary>
    private static ModelBuilder Convolution(string opType, string input, string weight, string attributes)
    {
        long[] weightDims = CaseText.Dims(weight);
        var attributeList = CaseText.Attributes(attributes);
        long group = attributeList.Where(a => a.Name == "group").Select(a => (long)a.Value).FirstOrDefault(1);
        long outChannels = opType == "ConvTranspose" ? weightDims[1] * group : weightDims[0];
        return new ModelBuilder()
            .Input("X", CaseText.Dims(input))
            .RandomInitializer("W", 0.5f, weightDims)
            .RandomInitializer("B", 0.5f, outChannels)
            .Node(opType, ["X", "W", "B"], ["Y"], attributeList)
            .Output("Y");
    }
}
