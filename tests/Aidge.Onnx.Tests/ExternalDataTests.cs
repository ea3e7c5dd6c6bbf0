using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx.Tests;

/// <summary>Tensor data in files beside the model: read by range, and confined to the model's folder.</summary>
[TestClass]
public sealed class ExternalDataTests
{
    private static readonly ModelReaderOptions ImportOnly = new(InferShapes: false);

    [TestMethod]
    public void DataIsReadFromAFileBesideTheModel()
    {
        using var folder = new TempFolder();
        folder.Write("weights.bin", Floats(1f, 2f, 3f));
        string path = folder.Write("model.onnx", ModelWith(External("weights.bin", 3)));

        var weights = ModelReader.Load(path, ImportOnly).Graph.Find("w")!.Initializer!;

        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, weights.Span<float>().ToArray());
    }

    [TestMethod]
    public void OffsetAndLengthSelectTheRange()
    {
        using var folder = new TempFolder();
        folder.Write("data/weights.bin", Floats(9f, 1f, 2f, 9f));
        string path = folder.Write("model.onnx", ModelWith(External("data/weights.bin", 2, offset: 4, length: 8)));

        var weights = ModelReader.Load(path, ImportOnly).Graph.Find("w")!.Initializer!;

        CollectionAssert.AreEqual(new[] { 1f, 2f }, weights.Span<float>().ToArray());
    }

    [TestMethod]
    public void FileTooShortIsReported()
    {
        using var folder = new TempFolder();
        folder.Write("weights.bin", Floats(1f, 2f));
        string path = folder.Write("model.onnx", ModelWith(External("weights.bin", 3)));

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, path, () => ModelReader.Load(path, ImportOnly));
    }

    [TestMethod]
    public void OffsetBeyondTheFileIsReported()
    {
        using var folder = new TempFolder();
        folder.Write("weights.bin", Floats(1f, 2f, 3f));
        string path = folder.Write("model.onnx", ModelWith(External("weights.bin", 1, offset: 1000)));

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, path, () => ModelReader.Load(path, ImportOnly));
    }

    [TestMethod]
    public void MissingFileIsReported()
    {
        using var folder = new TempFolder();
        string path = folder.Write("model.onnx", ModelWith(External("absent.bin", 3)));

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, path, () => ModelReader.Load(path, ImportOnly));
    }

    [TestMethod]
    public void ParentFolderEscapeIsRefused()
    {
        using var folder = new TempFolder();
        folder.Write("secret.bin", Floats(1f, 2f, 3f));
        string path = folder.Write("model/model.onnx", ModelWith(External("../secret.bin", 3)));

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, path, () => ModelReader.Load(path, ImportOnly));
    }

    [TestMethod]
    public void AbsolutePathIsRefused()
    {
        using var folder = new TempFolder();
        string secret = folder.Write("secret.bin", Floats(1f, 2f, 3f));
        string path = folder.Write("model/model.onnx", ModelWith(External(secret, 3)));

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, path, () => ModelReader.Load(path, ImportOnly));
    }

    [TestMethod]
    public void SymbolicLinkLeadingOutsideIsRefused()
    {
        using var folder = new TempFolder();
        string secret = folder.Write("secret.bin", Floats(1f, 2f, 3f));
        Directory.CreateDirectory(folder.File("model"));
        File.CreateSymbolicLink(folder.File("model/weights.bin"), secret);
        Directory.CreateSymbolicLink(folder.File("model/outside"), folder.Path);
        string path = folder.Write("model/model.onnx", ModelWith(External("weights.bin", 3)));
        string viaFolder = folder.Write("model/model2.onnx", ModelWith(External("outside/secret.bin", 3)));

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, path, () => ModelReader.Load(path, ImportOnly));
        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, viaFolder, () => ModelReader.Load(viaFolder, ImportOnly));
    }

    [TestMethod]
    public void SymbolicLinkStayingInsideIsFollowed()
    {
        using var folder = new TempFolder();
        string real = folder.Write("model/blobs/real.bin", Floats(1f, 2f, 3f));
        File.CreateSymbolicLink(folder.File("model/weights.bin"), real);
        string path = folder.Write("model/model.onnx", ModelWith(External("weights.bin", 3)));

        var weights = ModelReader.Load(path, ImportOnly).Graph.Find("w")!.Initializer!;

        Assert.AreEqual(3, weights.Length);
    }

    [TestMethod]
    public void StreamWithoutFolderCannotUseExternalData()
    {
        var bytes = ModelWith(External("weights.bin", 3)).ToByteArray();

        Diagnose.Fails(DiagnosticCodes.ExternalDataInvalid, "m.onnx", () => ModelReader.Load(new MemoryStream(bytes), null, "m.onnx", ImportOnly));
    }

    [TestMethod]
    public void HugeExternalTensorIsRefusedBeforeReading()
    {
        using var folder = new TempFolder();
        folder.Write("weights.bin", Floats(1f));
        string path = folder.Write("model.onnx", ModelWith(External("weights.bin", 1L << 40)));

        Diagnose.Fails(DiagnosticCodes.InvalidDims, path, () => ModelReader.Load(path, ImportOnly));
    }

    private static byte[] Floats(params float[] values) => Tensor.FromArray(values, values.Length).Bytes.ToArray();

    private static TensorProto External(string location, long count, long? offset = null, long? length = null)
    {
        var tensor = new TensorProto { Name = "w", DataType = (int)DataType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(count);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        if (offset is { } o)
        {
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = o.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (length is { } l)
        {
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = l.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        return tensor;
    }

    private static ModelProto ModelWith(TensorProto initializer)
    {
        var model = Protos.Relu();
        model.Graph.Initializer.Add(initializer);
        return model;
    }
}
