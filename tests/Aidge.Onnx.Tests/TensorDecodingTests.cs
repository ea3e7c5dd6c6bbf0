using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx.Tests;

/// <summary>Every element type the IR stores, decoded from raw_data and from the typed field the ONNX IR assigns to it.</summary>
[TestClass]
public sealed class TensorDecodingTests
{
    public static IEnumerable<object[]> ElementTypes => new[]
    {
        new object[] { DataType.Float, new double[] { 1.5, -2, float.MaxValue } },
        new object[] { DataType.Double, new double[] { 1e-300, -2.5, double.MaxValue } },
        new object[] { DataType.Float16, new double[] { 1.5, -65504, 0.0009765625 } },
        new object[] { DataType.BFloat16, new double[] { 1.5, -3.25, 65536 } },
        new object[] { DataType.Int8, new double[] { -128, 0, 127 } },
        new object[] { DataType.UInt8, new double[] { 0, 1, 255 } },
        new object[] { DataType.Int16, new double[] { short.MinValue, -1, short.MaxValue } },
        new object[] { DataType.UInt16, new double[] { 0, 1, ushort.MaxValue } },
        new object[] { DataType.Int32, new double[] { int.MinValue, -1, int.MaxValue } },
        new object[] { DataType.UInt32, new double[] { 0, 1, uint.MaxValue } },
        new object[] { DataType.Int64, new double[] { -(1L << 53), -1, 1L << 53 } },
        new object[] { DataType.UInt64, new double[] { 0, 1, 1UL << 63 } },
        new object[] { DataType.Bool, new double[] { 1, 0, 1 } },
    };

    [TestMethod]
    [DynamicData(nameof(ElementTypes))]
    public void RawDataDecodesEveryElementType(DataType type, double[] values)
    {
        var expected = Build(type, values);
        var proto = Protos.Raw("t", type, new long[] { 3 }, expected.Bytes.ToArray());

        var actual = LoadInitializer(proto);

        ModelAssert.TensorsEqual(expected, actual, type.OnnxName());
    }

    [TestMethod]
    [DynamicData(nameof(ElementTypes))]
    public void TypedFieldDecodesEveryElementType(DataType type, double[] values)
    {
        var expected = Build(type, values);
        var proto = new TensorProto { Name = "t", DataType = (int)type };
        proto.Dims.Add(3);
        FillTypedField(proto, expected);

        var actual = LoadInitializer(proto);

        ModelAssert.TensorsEqual(expected, actual, type.OnnxName());
    }

    [TestMethod]
    public void StringsDecodeAsUtf8()
    {
        var proto = new TensorProto { Name = "t", DataType = (int)DataType.String };
        proto.Dims.Add(3);
        proto.StringData.Add(new[] { "naïve", string.Empty, "日本" }.Select(ByteString.CopyFromUtf8));

        var actual = LoadInitializer(proto);

        CollectionAssert.AreEqual(new[] { "naïve", string.Empty, "日本" }, actual.Strings);
    }

    [TestMethod]
    public void RawDataIsSharedWithTheMessageNotCopied()
    {
        var proto = Protos.Raw("t", DataType.Float, new long[] { 2 }, new byte[8]);

        var tensor = new Import.TensorDecoder(null).Decode(proto);

        Assert.IsTrue(Unsafe.AreSame(ref MemoryMarshal.GetReference(proto.RawData.Span), ref MemoryMarshal.GetReference(tensor.Bytes.Span)));
    }

    [TestMethod]
    public void BoolFromInt32DataIsNormalizedToZeroOrOne()
    {
        var proto = new TensorProto { Name = "t", DataType = (int)DataType.Bool };
        proto.Dims.Add(2);
        proto.Int32Data.Add(new[] { 5, 0 });

        CollectionAssert.AreEqual(new byte[] { 1, 0 }, LoadInitializer(proto).Span<byte>().ToArray());
    }

    private static Tensor LoadInitializer(TensorProto tensor)
    {
        var graph = Protos.Graph("g", Array.Empty<ValueInfoProto>(), new[] { new ValueInfoProto { Name = tensor.Name } });
        graph.Initializer.Add(tensor);
        var model = ModelReader.Load(new MemoryStream(Protos.Model(graph).ToByteArray()), fileName: "t.onnx");
        return model.Graph.Find(tensor.Name)!.Initializer!;
    }

    private static Tensor Build(DataType type, double[] values)
    {
        var tensor = Tensor.Create(type, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            switch (type)
            {
                case DataType.Float: tensor.Span<float>()[i] = (float)v; break;
                case DataType.Double: tensor.Span<double>()[i] = v; break;
                case DataType.Float16: tensor.Span<Half>()[i] = (Half)v; break;
                case DataType.BFloat16: tensor.Span<BFloat16>()[i] = BFloat16.FromSingle((float)v); break;
                case DataType.Int8: tensor.Span<sbyte>()[i] = (sbyte)v; break;
                case DataType.UInt8 or DataType.Bool: tensor.Span<byte>()[i] = (byte)v; break;
                case DataType.Int16: tensor.Span<short>()[i] = (short)v; break;
                case DataType.UInt16: tensor.Span<ushort>()[i] = (ushort)v; break;
                case DataType.Int32: tensor.Span<int>()[i] = (int)v; break;
                case DataType.UInt32: tensor.Span<uint>()[i] = (uint)v; break;
                case DataType.Int64: tensor.Span<long>()[i] = (long)v; break;
                case DataType.UInt64: tensor.Span<ulong>()[i] = (ulong)v; break;
            }
        }
        return tensor;
    }

    /// <summary>The field each type uses per the ONNX IR: 16-bit floats as their bit patterns in int32_data, uint32 in uint64_data.</summary>
    private static void FillTypedField(TensorProto proto, Tensor tensor)
    {
        switch (tensor.Type)
        {
            case DataType.Float: proto.FloatData.Add(tensor.Span<float>().ToArray()); break;
            case DataType.Double: proto.DoubleData.Add(tensor.Span<double>().ToArray()); break;
            case DataType.Int64: proto.Int64Data.Add(tensor.Span<long>().ToArray()); break;
            case DataType.UInt64: proto.Uint64Data.Add(tensor.Span<ulong>().ToArray()); break;
            case DataType.UInt32: proto.Uint64Data.Add(tensor.Span<uint>().ToArray().Select(v => (ulong)v)); break;
            case DataType.Float16 or DataType.BFloat16 or DataType.UInt16: proto.Int32Data.Add(tensor.Span<ushort>().ToArray().Select(v => (int)v)); break;
            case DataType.Int16: proto.Int32Data.Add(tensor.Span<short>().ToArray().Select(v => (int)v)); break;
            case DataType.Int8: proto.Int32Data.Add(tensor.Span<sbyte>().ToArray().Select(v => (int)v)); break;
            case DataType.UInt8 or DataType.Bool: proto.Int32Data.Add(tensor.Span<byte>().ToArray().Select(v => (int)v)); break;
            case DataType.Int32: proto.Int32Data.Add(tensor.Span<int>().ToArray()); break;
        }
    }
}
