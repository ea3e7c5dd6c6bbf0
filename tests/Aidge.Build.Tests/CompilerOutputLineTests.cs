using Aidge.Build.Tasks;

namespace Aidge.Build.Tests;

[TestClass]
public sealed class CompilerOutputLineTests
{
    [TestMethod]
    public void ReadsFileCodeAndMessage()
    {
        var line = CompilerOutputLine.TryParse("/models/digits.onnx: error AIDGE4002: node 'conv_1' (Conv): groups must divide the channels")!;

        Assert.AreEqual("/models/digits.onnx", line.Origin);
        Assert.IsTrue(line.IsError);
        Assert.AreEqual("AIDGE4002", line.Code);
        Assert.AreEqual("node 'conv_1' (Conv): groups must divide the channels", line.Text);
        Assert.AreEqual(0, line.Line);
    }

    [TestMethod]
    public void ReadsPositionsAndWarnings()
    {
        var line = CompilerOutputLine.TryParse("native/digits.c(12,5): warning AIDGE4010: unused variable")!;

        Assert.AreEqual("native/digits.c", line.Origin);
        Assert.IsFalse(line.IsError);
        Assert.AreEqual((12, 5), (line.Line, line.Column));
    }

    [TestMethod]
    public void KeepsAWindowsDriveColonInTheFile()
    {
        var line = CompilerOutputLine.TryParse(@"C:\work\models\digits.onnx(3,1,3,9): error AIDGE1002: not an ONNX model")!;

        Assert.AreEqual(@"C:\work\models\digits.onnx", line.Origin);
        Assert.AreEqual((3, 1, 3, 9), (line.Line, line.Column, line.EndLine, line.EndColumn));
    }

    [TestMethod]
    public void AnErrorWithoutCodeHasNoCode()
    {
        var line = CompilerOutputLine.TryParse("aidgec: error: internal error: boom")!;

        Assert.AreEqual("aidgec", line.Origin);
        Assert.IsNull(line.Code);
        Assert.AreEqual("internal error: boom", line.Text);
    }

    [TestMethod]
    public void OrdinaryOutputIsNoDiagnostic()
    {
        Assert.IsNull(CompilerOutputLine.TryParse("compiled digits.onnx: 17690 parameters, 123456 MACs"));
        Assert.IsNull(CompilerOutputLine.TryParse("the word error: alone is no diagnostic"));
    }

    [TestMethod]
    public void ResponseFileQuotesOnlyArgumentsWithSpaces()
    {
        var text = ResponseFile.Format(["/my models/digits.onnx", "--dim", "batch=1"]);

        Assert.AreEqual("\"/my models/digits.onnx\"\n--dim\nbatch=1\n", text);
    }
}
