using Aidge.Compiler.Data;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Onnx.Proto;
using Aidge.Testing;
using Google.Protobuf;

namespace Aidge.Compiler.Tests;

/// <summary>SampleInput / CalibrationData / SampleLabels from real .npy and .pb files written by the tests.</summary>
[TestClass]
public sealed class SampleDataTests
{
    private static readonly InputSlot Image = new("image", DataType.Float, [1, 1, 2, 2]);

    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidge-samples-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static Tensor Floats(long[] dims) =>
        Tensor.FromArray(Enumerable.Range(0, (int)Tensor.ElementCountOf(dims)).Select(i => (float)i).ToArray(), dims);

    private string Npy(string name, Tensor tensor)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        NpyFiles.Write(path, tensor);
        return path;
    }

    private string Pb(string name, Tensor tensor)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var proto = new TensorProto { DataType = (int)tensor.Type, RawData = ByteString.CopyFrom(tensor.Bytes.Span) };
        proto.Dims.AddRange(tensor.Dims);
        File.WriteAllBytes(path, proto.ToByteArray());
        return path;
    }

    [TestMethod]
    public void ANpyWhoseLeadingAxisCountsSamplesIsCutIntoFeeds()
    {
        string path = Npy("calib.npy", Floats([3, 1, 2, 2]));

        var feeds = SampleData.Load(path, [Image]);

        Assert.HasCount(3, feeds);
        CollectionAssert.AreEqual(new long[] { 1, 1, 2, 2 }, feeds[2]["image"].Dims);
        CollectionAssert.AreEqual(new float[] { 8, 9, 10, 11 }, feeds[2]["image"].Span<float>().ToArray());
    }

    [TestMethod]
    public void AStackOfWholeInputsAndABatchedInputAreCutToo()
    {
        var stacked = SampleData.Load(Npy("stack.npy", Floats([2, 1, 1, 2, 2])), [Image]);
        Assert.HasCount(2, stacked);
        Assert.AreEqual(4f, stacked[1]["image"].Span<float>()[0]);

        var batchOfTwo = new InputSlot("x", DataType.Float, [2, 3]);
        var batched = SampleData.Load(Npy("rows.npy", Floats([6, 3])), [batchOfTwo]);
        Assert.HasCount(3, batched);
        CollectionAssert.AreEqual(new long[] { 2, 3 }, batched[1]["x"].Dims);
        Assert.AreEqual(6f, batched[1]["x"].Span<float>()[0]);
    }

    [TestMethod]
    public void Float64DataFeedsAFloat32InputAndInt32DataAnInt64One()
    {
        var doubles = Tensor.FromSpan<double>(DataType.Double, [1, 1, 2, 2], [0.5, 1.5, 2.5, 3.5]);
        var feed = SampleData.Load(Npy("d.npy", doubles), [Image]).Single();
        Assert.AreEqual(DataType.Float, feed["image"].Type);
        Assert.AreEqual(3.5f, feed["image"].Span<float>()[3]);

        var ids = SampleData.Load(Npy("ids.npy", Tensor.FromArray(new[] { 4, 5 }, 2, 1)), [new InputSlot("ids", DataType.Int64, [1])]);
        Assert.HasCount(2, ids);
        Assert.AreEqual(5L, ids[1]["ids"].Span<long>()[0]);
    }

    [TestMethod]
    public void AFolderOfFilesIsReadInNaturalOrder()
    {
        foreach (int i in new[] { 10, 2, 1 })
        {
            var sample = Tensor.FromArray(Enumerable.Repeat((float)i, 4).ToArray(), 1, 1, 2, 2);
            if (i == 2)
            {
                Pb($"set/img{i}.pb", sample);
            }
            else
            {
                Npy($"set/img{i}.npy", sample);
            }
        }
        File.WriteAllText(Path.Combine(folder, "set", "README.txt"), "not data");

        var feeds = SampleData.Load(Path.Combine(folder, "set"), [Image]);

        CollectionAssert.AreEqual(new float[] { 1, 2, 10 }, feeds.Select(f => f["image"].Span<float>()[0]).ToArray());
    }

    [TestMethod]
    public void TestDataSetFoldersFeedEveryInputByIndex()
    {
        InputSlot[] inputs = [new("a", DataType.Float, [2]), new("b", DataType.Int64, [1])];
        for (int set = 0; set < 3; set++)
        {
            Pb($"data/test_data_set_{set}/input_0.pb", Tensor.FromArray(new[] { set, set + 0.5f }, 2));
            Npy($"data/test_data_set_{set}/input_1.npy", Tensor.FromArray(new long[] { 100 + set }, 1));
        }

        var feeds = SampleData.Load(Path.Combine(folder, "data"), inputs);

        Assert.HasCount(3, feeds);
        Assert.AreEqual(2.5f, feeds[2]["a"].Span<float>()[1]);
        Assert.AreEqual(102L, feeds[2]["b"].Span<long>()[0]);
    }

    [TestMethod]
    public void InputSlotsComeFromTheGraphsRuntimeInputs()
    {
        var model = new ModelBuilder(opset: 13).Input("x", 1, 3).Node("Relu", ["x"], ["y"]).Output("y");
        using var stream = new MemoryStream(model.ToBytes());
        var graph = ModelReader.Load(stream, fileName: "m.onnx").Graph;

        var slot = InputSlot.Of(graph, "m.onnx").Single();

        Assert.AreEqual("float[1,3]", slot.ToString());
    }

    [TestMethod]
    public void AnArrayOfTheWrongShapeNamesTheFileAndTheExpectedShapes()
    {
        string path = Npy("bad.npy", Floats([3, 2, 2]));

        var error = Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(path, [Image]));

        Assert.AreEqual(DiagnosticCodes.DataMismatch, error.Diagnostic.Code);
        StringAssert.Contains(error.Diagnostic.Message, path);
        StringAssert.Contains(error.Diagnostic.Message, "holds float[3,2,2]; input 'image' takes float[1,1,2,2]");
        StringAssert.Contains(error.Diagnostic.Message, "[N·1,1,2,2] or [N,1,1,2,2]");
    }

    [TestMethod]
    public void PixelsForAFloatInputAreRefusedRatherThanGuessedAt()
    {
        var pixels = Tensor.Create(DataType.UInt8, 1, 1, 2, 2);
        var error = Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Npy("u8.npy", pixels), [Image]));
        StringAssert.Contains(error.Diagnostic.Message, "holds uint8 values; input 'image' takes float[1,1,2,2]. Save the array as float32 (numpy dtype)");
    }

    [TestMethod]
    public void DataThatCannotFeedTheModelSaysWhy()
    {
        InputSlot[] two = [Image, new("mask", DataType.Float, [1])];
        var single = Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Npy("x.npy", Floats([1, 1, 2, 2])), two));
        StringAssert.Contains(single.Diagnostic.Message, "this model has 2 ('image' float[1,1,2,2], 'mask' float[1])");

        Pb("sets/test_data_set_0/input_0.pb", Floats([1, 1, 2, 2]));
        var missing = Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Path.Combine(folder, "sets"), two));
        StringAssert.Contains(missing.Diagnostic.Message, "has no input_1.pb (or .npy) for input 'mask'");

        Directory.CreateDirectory(Path.Combine(folder, "empty"));
        StringAssert.Contains(Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Path.Combine(folder, "empty"), [Image])).Diagnostic.Message, "holds no .npy or .pb files");

        var absent = Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Path.Combine(folder, "nothing.npy"), [Image]));
        Assert.AreEqual(DiagnosticCodes.DataFileInvalid, absent.Diagnostic.Code);

        File.WriteAllText(Path.Combine(folder, "x.csv"), "1,2,3,4");
        StringAssert.Contains(Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Path.Combine(folder, "x.csv"), [Image])).Diagnostic.Message, "neither .npy");

        File.WriteAllBytes(Path.Combine(folder, "junk.pb"), [0xff, 0xff, 0xff]);
        Assert.AreEqual(DiagnosticCodes.DataFileInvalid, Assert.ThrowsExactly<AidgeException>(() => SampleData.Load(Path.Combine(folder, "junk.pb"), [Image])).Diagnostic.Code);
    }

    [TestMethod]
    public void LabelsAreIntegerClassIndices()
    {
        CollectionAssert.AreEqual(new long[] { 3, 0, 9 }, SampleLabels.Load(Npy("y.npy", Tensor.FromSpan<byte>(DataType.UInt8, [3], [3, 0, 9]))));
        CollectionAssert.AreEqual(new long[] { 1, 2 }, SampleLabels.Load(Npy("y2.npy", Tensor.FromArray(new long[] { 1, 2 }, 2, 1))));

        var floats = Assert.ThrowsExactly<AidgeException>(() => SampleLabels.Load(Npy("f.npy", Floats([3]))));
        StringAssert.Contains(floats.Diagnostic.Message, "holds float[3]; labels must be integer class indices");

        var negative = Assert.ThrowsExactly<AidgeException>(() => SampleLabels.Load(Npy("n.npy", Tensor.FromArray(new[] { 0, -1 }, 2))));
        StringAssert.Contains(negative.Diagnostic.Message, "holds -1 at index 1");
    }
}
