using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx.Tests;

/// <summary>
/// Each kind of bad model fails with exactly an <see cref="AidgeException"/> carrying its stable code and
/// naming the file (and node where it applies); no other exception type escapes.
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    private static readonly ModelReaderOptions ImportOnly = new(InferShapes: false);

    [TestMethod]
    public void MissingFileIsUnreadable()
    {
        using var folder = new TempFolder();
        string path = folder.File("absent.onnx");

        Diagnose.Fails(DiagnosticCodes.FileUnreadable, path, () => ModelReader.Load(path));
    }

    [TestMethod]
    public void TruncatedFileIsMalformed()
    {
        using var folder = new TempFolder();
        byte[] bytes = Protos.Relu().ToByteArray();
        string path = folder.Write("truncated.onnx", bytes[..(bytes.Length / 2)]);

        Diagnose.Fails(DiagnosticCodes.MalformedModel, path, () => ModelReader.Load(path));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    public void RandomBytesAreMalformed(int seed)
    {
        using var folder = new TempFolder();
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        string path = folder.Write("random.onnx", bytes);

        Diagnose.Fails(DiagnosticCodes.MalformedModel, path, () => ModelReader.Load(path));
    }

    [TestMethod]
    public void EmptyFileIsMalformed()
    {
        using var folder = new TempFolder();
        string path = folder.Write("empty.onnx", Array.Empty<byte>());

        Diagnose.Fails(DiagnosticCodes.MalformedModel, path, () => ModelReader.Load(path));
    }

    [TestMethod]
    public void TensorDataOfWrongLengthIsReported()
    {
        var error = FailsWithInitializer(DiagnosticCodes.TensorDataMismatch, Protos.Raw("w", DataType.Float, new long[] { 2, 3 }, new byte[20]));

        StringAssert.Contains(error.Message, "'w'");
    }

    [TestMethod]
    public void TypedDataOfWrongCountIsReported() =>
        FailsWithInitializer(DiagnosticCodes.TensorDataMismatch, Protos.Floats("w", new long[] { 4 }, 1f, 2f));

    [TestMethod]
    public void NegativeDimIsReported() =>
        FailsWithInitializer(DiagnosticCodes.InvalidDims, Protos.Raw("w", DataType.Float, new long[] { 2, -3 }, new byte[24]));

    [TestMethod]
    public void OverflowingDimsAreReported() =>
        FailsWithInitializer(DiagnosticCodes.InvalidDims, Protos.Raw("w", DataType.Float, new long[] { long.MaxValue, 3 }, new byte[4]));

    [TestMethod]
    public void HugeElementCountIsReportedWithoutAllocating()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        FailsWithInitializer(DiagnosticCodes.InvalidDims, Protos.Raw("w", DataType.Float, new long[] { 1L << 20, 1L << 20 }, new byte[4]));

        Assert.IsLessThan(64L << 20, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    [DataRow(99)]
    [DataRow((int)DataType.Float8E4M3FN)]
    [DataRow((int)DataType.Int4)]
    [DataRow((int)DataType.Complex64)]
    public void UnsupportedElementTypeOfTensorIsReported(int dataType)
    {
        var error = FailsWithInitializer(DiagnosticCodes.UnsupportedElementType, new TensorProto { Name = "w", DataType = dataType, RawData = ByteString.CopyFrom(new byte[4]) });

        StringAssert.Contains(error.Message, "'w'");
    }

    [TestMethod]
    public void UnsupportedElementTypeOfInputIsReported()
    {
        var model = Protos.Relu();
        model.Graph.Input[0].Type.TensorType.ElemType = 99;

        var error = FailsToLoad(DiagnosticCodes.UnsupportedElementType, model);

        StringAssert.Contains(error.Message, "'x'");
    }

    [TestMethod]
    public void UnsupportedTensorInAttributeNamesTheNode()
    {
        var model = Protos.Relu();
        model.Graph.Node.Add(Protos.Node("Constant", Array.Empty<string>(), new[] { "c" }, "make_c",
            new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = new TensorProto { DataType = 99 } }));

        FailsToLoad(DiagnosticCodes.UnsupportedElementType, model, "make_c");
    }

    [TestMethod]
    public void CycleIsReportedWithANode()
    {
        var model = Protos.Model(Protos.Graph("cycle",
            new[] { Protos.Tensor("x", DataType.Float, 1) },
            new[] { Protos.Tensor("b", DataType.Float, 1) },
            Protos.Node("Add", new[] { "x", "b" }, new[] { "a" }, "first"),
            Protos.Node("Relu", new[] { "a" }, new[] { "b" }, "second")));

        var error = FailsToLoad(DiagnosticCodes.GraphCycle, model);

        Assert.IsNotNull(error.Diagnostic.Node);
    }

    [TestMethod]
    public void UndefinedNodeInputIsReportedWithTheNode()
    {
        var model = Protos.Relu();
        model.Graph.Node[0].Input[0] = "nowhere";

        var error = FailsToLoad(DiagnosticCodes.UndefinedValue, model, "relu");

        StringAssert.Contains(error.Message, "nowhere");
    }

    [TestMethod]
    public void UndefinedGraphOutputIsReported()
    {
        var model = Protos.Relu();
        model.Graph.Output.Add(new ValueInfoProto { Name = "ghost" });

        FailsToLoad(DiagnosticCodes.UndefinedValue, model);
    }

    [TestMethod]
    public void ValueDefinedTwiceIsReported()
    {
        var model = Protos.Relu();
        model.Graph.Node.Add(Protos.Node("Relu", new[] { "x" }, new[] { "y" }, "again"));

        FailsToLoad(DiagnosticCodes.InvalidGraph, model);
    }

    [TestMethod]
    public void UnknownOperatorIsReportedWithTheNode()
    {
        var model = Protos.Relu();
        model.Graph.Node[0].OpType = "NoSuchOperator";

        using var folder = new TempFolder();
        string path = folder.Write("model.onnx", model);

        Diagnose.Fails(DiagnosticCodes.UnsupportedOperator, path, () => ModelReader.Load(path), "relu");
    }

    [TestMethod]
    public void StreamWithoutFileNameStillFailsWithTheCode()
    {
        var error = Assert.ThrowsExactly<AidgeException>(() => ModelReader.Load(new MemoryStream(new byte[] { 0x0A, 0xFF })));

        Assert.AreEqual(DiagnosticCodes.MalformedModel, error.Diagnostic.Code);
    }

    private static AidgeException FailsWithInitializer(string code, TensorProto tensor)
    {
        var model = Protos.Relu();
        model.Graph.Initializer.Add(tensor);
        return FailsToLoad(code, model);
    }

    private static AidgeException FailsToLoad(string code, ModelProto model, string? node = null)
    {
        using var folder = new TempFolder();
        string path = folder.Write("model.onnx", model);
        return Diagnose.Fails(code, path, () => ModelReader.Load(path, ImportOnly), node);
    }
}
