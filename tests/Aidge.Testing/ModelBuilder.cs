using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Testing;

/// <summary>
/// Builds small ONNX models in code for tests and benchmarks: graph inputs (with the data to feed them),
/// initializers, nodes with attributes and outputs, serialized at a chosen opset. Random data comes from one
/// <see cref="System.Random"/> with a fixed seed, so a model and its inputs are the same on every run.
/// </summary>
public sealed class ModelBuilder
{
    private readonly GraphProto graph = new() { Name = "oracle" };
    private readonly Dictionary<string, Tensor> feeds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> domains = new(StringComparer.Ordinal);
    private int generatedNames;

    public ModelBuilder(int opset = 17, int seed = 1)
    {
        Opset = opset;
        Random = new Random(seed);
    }

    /// <summary>The version of the default ONNX domain the model imports.</summary>
    public int Opset { get; }

    public Random Random { get; }

    /// <summary>The data to feed each graph input, by name, in declaration order.</summary>
    public IReadOnlyDictionary<string, Tensor> Feeds => feeds;

    /// <summary>A float input fed with uniform random values in [-1, 1].</summary>
    public ModelBuilder Input(string name, params long[] dims) => Input(name, RandomTensor(1f, dims));

    /// <summary>An input fed with the given data; its declared type and shape are the data's.</summary>
    public ModelBuilder Input(string name, Tensor data)
    {
        graph.Input.Add(ValueInfo(name, data.Type, data.Dims));
        feeds.Add(name, data);
        return this;
    }

    public ModelBuilder Initializer(string name, Tensor value)
    {
        graph.Initializer.Add(ToProto(name, value));
        return this;
    }

    public ModelBuilder Initializer(string name, float[] values, params long[] dims) => Initializer(name, Tensor.FromArray(values, dims));

    public ModelBuilder Initializer(string name, long[] values, params long[] dims) => Initializer(name, Tensor.FromArray(values, dims));

    public ModelBuilder Initializer(string name, int[] values, params long[] dims) => Initializer(name, Tensor.FromArray(values, dims));

    /// <summary>A float initializer of uniform random values in [-scale, scale].</summary>
    public ModelBuilder RandomInitializer(string name, float scale, params long[] dims) => Initializer(name, RandomTensor(scale, dims));

    /// <summary>
    /// A node. Attribute values map to ONNX kinds by their C# type: int/long → INT, float/double → FLOAT,
    /// string → STRING, int[]/long[] → INTS, float[] → FLOATS, string[] → STRINGS, Tensor → TENSOR.
    /// An empty input name is an omitted optional input, as in ONNX.
    /// </summary>
    public ModelBuilder Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes.Select(a => Attribute(a.Name, a.Value)));
        graph.Node.Add(node);
        return this;
    }

    /// <summary>A node of another operator domain (ai.aidge's fused and quantized operators), which the model then imports at <paramref name="version"/>.</summary>
    public ModelBuilder DomainNode(string domain, int version, string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        Node(opType, inputs, outputs, attributes);
        graph.Node[^1].Domain = domain;
        domains[domain] = version;
        return this;
    }

    /// <summary>A graph output whose shape is left for the runtime to work out.</summary>
    public ModelBuilder Output(string name, DataType type = DataType.Float)
    {
        graph.Output.Add(ValueInfo(name, type, dims: null));
        return this;
    }

    /// <summary>A graph output with a declared static shape, for outputs whose shape depends on data known only at run time (axes given as an input).</summary>
    public ModelBuilder Output(string name, DataType type, long[] dims)
    {
        graph.Output.Add(ValueInfo(name, type, dims));
        return this;
    }

    /// <summary>A name not used before in this model, for values and weights of repeated blocks.</summary>
    public string Fresh(string prefix) => $"{prefix}_{++generatedNames}";

    public float[] RandomValues(long count, float min, float max)
    {
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = min + (max - min) * Random.NextSingle();
        }
        return values;
    }

    public Tensor RandomTensor(float scale, params long[] dims) => UniformTensor(-scale, scale, dims);

    public Tensor UniformTensor(float min, float max, params long[] dims) => Tensor.FromArray(RandomValues(Tensor.ElementCountOf(dims), min, max), dims);

    public ModelProto ToProto()
    {
        var model = new ModelProto
        {
            IrVersion = IrVersionFor(Opset),
            ProducerName = "Aidge.Testing",
            Graph = graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        model.OpsetImport.AddRange(domains.Select(d => new OperatorSetIdProto { Domain = d.Key, Version = d.Value }));
        return model;
    }

    public byte[] ToBytes() => ToProto().ToByteArray();

    /// <summary>The IR version that came with each opset, so that runtimes which check the pair accept the model.</summary>
    private static long IrVersionFor(int opset) => opset switch
    {
        <= 18 => 8,
        <= 20 => 9,
        <= 22 => 10,
        _ => 11,
    };

    private static ValueInfoProto ValueInfo(string name, DataType type, long[]? dims)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (dims is not null)
        {
            tensorType.Shape = new TensorShapeProto();
            tensorType.Shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private static TensorProto ToProto(string name, Tensor value)
    {
        // DataType is numbered like TensorProto.DataType and Tensor storage is little-endian, as raw_data is.
        var proto = new TensorProto { Name = name, DataType = (int)value.Type, RawData = ByteString.CopyFrom(value.Bytes.Span) };
        proto.Dims.AddRange(value.Dims);
        return proto;
    }

    private static AttributeProto Attribute(string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case int or long:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case float or double:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case string text:
                attribute.Type = AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFromUtf8(text);
                break;
            case int[] ints:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ints.Select(i => (long)i));
                break;
            case long[] longs:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(longs);
                break;
            case float[] floats:
                attribute.Type = AttributeProto.Types.AttributeType.Floats;
                attribute.Floats.AddRange(floats);
                break;
            case string[] strings:
                attribute.Type = AttributeProto.Types.AttributeType.Strings;
                attribute.Strings.AddRange(strings.Select(ByteString.CopyFromUtf8));
                break;
            case Tensor tensor:
                attribute.Type = AttributeProto.Types.AttributeType.Tensor;
                attribute.T = ToProto(name, tensor);
                break;
            default:
                throw new ArgumentException($"Attribute '{name}': no ONNX attribute kind for a {value.GetType().Name}.", nameof(value));
        }
        return attribute;
    }
}
