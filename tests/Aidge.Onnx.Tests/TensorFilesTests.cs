using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Tests;

/// <summary>Conformance test data: the declared type of the graph value decides which message a .pb file holds.</summary>
[TestClass]
public sealed class TensorFilesTests
{
    private static readonly TensorType FloatVector = new(DataType.Float, new Shape(2));

    [TestMethod]
    public void TensorFileIsReadAsATensor()
    {
        using var folder = new TempFolder();
        string path = folder.Write("input_0.pb", Protos.Floats("x", new long[] { 2 }, 1f, 2f));

        var tensor = (Tensor)TensorFiles.Read(path, FloatVector)!;

        CollectionAssert.AreEqual(new[] { 1f, 2f }, tensor.Span<float>().ToArray());
    }

    [TestMethod]
    public void SequenceFileIsReadAsATensorSequence()
    {
        using var folder = new TempFolder();
        var proto = new SequenceProto { ElemType = (int)SequenceProto.Types.DataType.Tensor };
        proto.TensorValues.Add(Protos.Floats("a", new long[] { 1 }, 1f));
        proto.TensorValues.Add(Protos.Floats("b", new long[] { 2 }, 2f, 3f));
        string path = folder.Write("input_0.pb", proto);

        var sequence = (TensorSequence)TensorFiles.Read(path, new SequenceType(new TensorType(DataType.Float, null)))!;

        Assert.HasCount(2, sequence);
        Assert.AreEqual(DataType.Float, sequence.ElementType);
        Assert.AreEqual(3f, sequence[1].Span<float>()[1]);
    }

    [TestMethod]
    public void EmptySequenceKeepsItsDeclaredElementType()
    {
        using var folder = new TempFolder();
        string path = folder.Write("input_0.pb", new SequenceProto { ElemType = (int)SequenceProto.Types.DataType.Tensor });

        var sequence = (TensorSequence)TensorFiles.Read(path, new SequenceType(new TensorType(DataType.Int32, null)))!;

        Assert.IsEmpty(sequence);
        Assert.AreEqual(DataType.Int32, sequence.ElementType);
    }

    [TestMethod]
    public void OptionalFileIsReadAsItsValueOrNone()
    {
        using var folder = new TempFolder();
        var full = new OptionalProto { ElemType = (int)OptionalProto.Types.DataType.Tensor, TensorValue = Protos.Floats("v", new long[] { 2 }, 4f, 5f) };
        string fullPath = folder.Write("full.pb", full);
        string emptyPath = folder.Write("empty.pb", new OptionalProto());
        var declared = new OptionalType(FloatVector);

        Assert.IsInstanceOfType<Tensor>(TensorFiles.Read(fullPath, declared));
        Assert.AreSame(OptionalNone.Instance, TensorFiles.Read(emptyPath, declared));
    }

    [TestMethod]
    public void ConformanceOptionalAndSequenceDataAreRead()
    {
        string root = ConformanceData.Root();
        foreach (string name in new[] { "test_optional_get_element_optional_sequence", "test_optional_has_element_empty_optional_input", "test_sequence_insert_at_back" })
        {
            string folder = Path.Combine(root, "node", name);
            var model = ModelReader.Load(Path.Combine(folder, "model.onnx"), new ModelReaderOptions(InferShapes: false));
            var value = TensorFiles.Read(Path.Combine(folder, "test_data_set_0", "input_0.pb"), model.Graph.RuntimeInputs.First().Type);
            Assert.IsTrue(value is Tensor or TensorSequence or OptionalNone, $"{name}: {value}");
        }
    }

    [TestMethod]
    public void CorruptFileIsMalformedAndNamed()
    {
        using var folder = new TempFolder();
        string path = folder.Write("input_0.pb", new byte[] { 0x0A, 0xFF, 0xFF });

        Diagnose.Fails(DiagnosticCodes.MalformedModel, path, () => TensorFiles.Read(path, FloatVector));
    }

    [TestMethod]
    public void BadTensorIsReportedWithTheFile()
    {
        using var folder = new TempFolder();
        string path = folder.Write("input_0.pb", Protos.Raw("x", DataType.Float, new long[] { 3 }, new byte[4]));

        Diagnose.Fails(DiagnosticCodes.TensorDataMismatch, path, () => TensorFiles.Read(path, FloatVector));
    }
}
