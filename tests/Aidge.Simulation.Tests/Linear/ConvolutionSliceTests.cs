using Aidge.Simulation.Tests.Oracle;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Linear;

/// <summary>
/// Convolutions large enough that im2col runs in several slices of output positions (slices that start and end
/// inside rows of the output), against ONNX Runtime.
/// </summary>
[TestClass]
public sealed class ConvolutionSliceTests
{
    [TestMethod]
    [DataRow("1,64,24,30", "16,64,3,3", "pads=[1,1,1,1]")]
    [DataRow("2,48,66,34", "8,24,3,3", "group=2;strides=[2,1];pads=[0,1,2,1]")]
    [DataRow("1,40,29,31", "12,40,5,3", "dilations=[2,1];pads=[3,1,1,0]")]
    [DataRow("1,96,700", "8,96,7", "strides=[1];pads=[3,3]")]
    public void SlicedConvMatchesOnnxRuntime(string input, string weight, string attributes)
    {
        long[] weightDims = CaseText.Dims(weight);
        var model = new ModelBuilder()
            .Input("X", CaseText.Dims(input))
            .RandomInitializer("W", 0.2f, weightDims)
            .RandomInitializer("B", 0.5f, weightDims[0])
            .Node("Conv", ["X", "W", "B"], ["Y"], CaseText.Attributes(attributes))
            .Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-4);
    }
}
