using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx.Tests;

/// <summary>How the importer maps ONNX onto the IR: scoping of subgraphs, omitted values, types, functions, file facts.</summary>
[TestClass]
public sealed class ImportTests
{
    private static readonly ModelReaderOptions ImportOnly = new(InferShapes: false);

    [TestMethod]
    public void SubgraphReadsTheParentsValueEvenWhenProducedLaterInTheFile()
    {
        var branch = Protos.Graph("then", Array.Empty<ValueInfoProto>(), new[] { new ValueInfoProto { Name = "t" } },
            Protos.Node("Neg", new[] { "late" }, new[] { "t" }, "neg"));
        var elseBranch = Protos.Graph("else", Array.Empty<ValueInfoProto>(), new[] { new ValueInfoProto { Name = "late" } });
        var model = Protos.Model(Protos.Graph("main",
            new[] { Protos.Tensor("cond", DataType.Bool), Protos.Tensor("x", DataType.Float, 2) },
            new[] { new ValueInfoProto { Name = "y" } },
            Protos.Node("If", new[] { "cond" }, new[] { "y" }, "if", Protos.Graph("then_branch", branch), Protos.Graph("else_branch", elseBranch)),
            Protos.Node("Relu", new[] { "x" }, new[] { "late" }, "relu")));

        var graph = Load(model).Graph;

        CollectionAssert.AreEqual(new[] { "Relu", "If" }, graph.Nodes.Select(n => n.OpType).ToArray());
        var then = graph.Nodes[1].GetGraph("then_branch")!;
        Assert.AreSame(graph, then.Parent);
        Assert.AreSame(graph.Find("late"), then.Nodes[0].Input(0));
        Assert.IsNull(then.FindLocal("late"));
        Assert.AreSame(graph.Find("late"), graph.Nodes[1].GetGraph("else_branch")!.Outputs[0]);
    }

    [TestMethod]
    public void EmptyNamesAreOmittedValues()
    {
        var model = Protos.Model(Protos.Graph("g",
            new[] { Protos.Tensor("x", DataType.Float, 2) },
            new[] { new ValueInfoProto { Name = "y" } },
            Protos.Node("Clip", new[] { "x", string.Empty, "x" }, new[] { "y" }, "clip"),
            Protos.Node("Dropout", new[] { "y" }, new[] { "z", string.Empty }, "drop")));

        var nodes = Load(model).Graph.Nodes;

        Assert.IsNull(nodes[0].Inputs[1]);
        Assert.HasCount(3, nodes[0].Inputs);
        Assert.IsNull(nodes[1].Outputs[1]);
    }

    [TestMethod]
    public void TypesComeFromInputsValueInfoAndInitializers()
    {
        var graph = Protos.Graph("g",
            new[] { Protos.Tensor("x", DataType.Float, 2), new ValueInfoProto { Name = "w", Type = Protos.Tensor("w", DataType.Float, 9).Type } },
            new[] { new ValueInfoProto { Name = "y" } },
            Protos.Node("Add", new[] { "x", "w" }, new[] { "s" }),
            Protos.Node("Relu", new[] { "s" }, new[] { "y" }));
        graph.Initializer.Add(Protos.Floats("w", new long[] { 2 }, 1f, 2f));
        var unranked = new ValueInfoProto { Name = "s", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)DataType.Float } } };
        graph.ValueInfo.Add(unranked);
        var symbolic = new TensorShapeProto();
        symbolic.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "n" });
        symbolic.Dim.Add(new TensorShapeProto.Types.Dimension());
        graph.Output[0].Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)DataType.Float, Shape = symbolic } };

        var imported = Load(Protos.Model(graph)).Graph;

        Assert.AreEqual(new TensorType(DataType.Float, new Shape(2)), imported.Find("x")!.Type);
        Assert.AreEqual(new TensorType(DataType.Float, new Shape(2)), imported.Find("w")!.Type, "an initializer's data decides its type");
        Assert.IsNotNull(imported.Find("w")!.Initializer);
        Assert.HasCount(2, imported.Inputs);
        Assert.HasCount(1, imported.RuntimeInputs);
        Assert.AreEqual(new TensorType(DataType.Float, null), imported.Find("s")!.Type);
        Assert.AreEqual(new TensorType(DataType.Float, new Shape(new[] { Dim.Named("n"), Dim.Unknown })), imported.Find("y")!.Type);
    }

    [TestMethod]
    public void ContainerTypesAreImported()
    {
        var sequence = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = Protos.Tensor("e", DataType.Int64, 3).Type } };
        var optional = new TypeProto { OptionalType = new TypeProto.Types.Optional { ElemType = sequence } };
        var model = Protos.Model(Protos.Graph("g",
            new[] { new ValueInfoProto { Name = "o", Type = optional } },
            new[] { new ValueInfoProto { Name = "o" } }));

        var type = Load(model).Graph.Inputs[0].Type;

        Assert.AreEqual(new OptionalType(new SequenceType(new TensorType(DataType.Int64, new Shape(3)))), type);
    }

    [TestMethod]
    public void AttributesOfEveryKindAreImported()
    {
        var node = Protos.Node("Custom", new[] { "x" }, new[] { "y" }, "custom",
            Protos.Int("i", 3),
            Protos.Float("f", 0.5f),
            new AttributeProto { Name = "s", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("ça") },
            new AttributeProto { Name = "is", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 2 } },
            new AttributeProto { Name = "fs", Type = AttributeProto.Types.AttributeType.Floats, Floats = { 1.5f } },
            new AttributeProto { Name = "ss", Type = AttributeProto.Types.AttributeType.Strings, Strings = { ByteString.CopyFromUtf8("a") } },
            new AttributeProto { Name = "t", Type = AttributeProto.Types.AttributeType.Tensor, T = Protos.Floats("", new long[] { 1 }, 4f) },
            new AttributeProto { Name = "tp", Type = AttributeProto.Types.AttributeType.TypeProto, Tp = Protos.Tensor("", DataType.Int8).Type },
            // Very old files leave the kind out; the field that is set tells it.
            new AttributeProto { Name = "untyped", I = 9 });
        node.Domain = "custom";
        var model = Protos.Model(Protos.Graph("g", new[] { Protos.Tensor("x", DataType.Float, 1) }, new[] { new ValueInfoProto { Name = "y" } }, node));

        var imported = Load(model).Graph.Nodes[0];

        Assert.AreEqual("custom", imported.Domain);
        Assert.AreEqual(3L, imported.GetInt("i", 0));
        Assert.AreEqual(0.5f, imported.GetFloat("f", 0));
        Assert.AreEqual("ça", imported.GetString("s", string.Empty));
        CollectionAssert.AreEqual(new[] { 1L, 2L }, imported.GetInts("is"));
        CollectionAssert.AreEqual(new[] { 1.5f }, imported.GetFloats("fs"));
        CollectionAssert.AreEqual(new[] { "a" }, imported.GetStrings("ss"));
        Assert.AreEqual(4f, imported.GetTensor("t")!.Span<float>()[0]);
        Assert.AreEqual(new TensorType(DataType.Int8, Shape.Scalar), imported.FindAttribute("tp")!.Value);
        Assert.AreEqual(9L, imported.GetInt("untyped", 0));
    }

    [TestMethod]
    public void ModelFactsAndOpsetsAreImported()
    {
        var model = Protos.Relu();
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "k", Value = "v" });
        model.DocString = "doc";
        model.ModelVersion = 7;

        var imported = Load(model);

        Assert.AreEqual(17, imported.Graph.OnnxOpset);
        Assert.AreEqual(1, imported.Graph.OpsetOf("com.microsoft"));
        Assert.AreEqual("aidge-tests", imported.ProducerName);
        Assert.AreEqual("doc", imported.DocString);
        Assert.AreEqual(7L, imported.ModelVersion);
        CollectionAssert.AreEqual(new[] { KeyValuePair.Create("k", "v") }, imported.Metadata);
    }

    [TestMethod]
    public void SparseInitializerIsExpandedDense()
    {
        var graph = Protos.Relu().Graph;
        var sparse = new SparseTensorProto { Values = Protos.Floats("s", new long[] { 2 }, 5f, 6f), Indices = new TensorProto { DataType = (int)DataType.Int64, Dims = { 2, 2 }, Int64Data = { 0, 1, 1, 0 } } };
        sparse.Dims.Add(new long[] { 2, 2 });
        graph.SparseInitializer.Add(sparse);

        var dense = Load(Protos.Model(graph)).Graph.Find("s")!.Initializer!;

        CollectionAssert.AreEqual(new[] { 0f, 5f, 6f, 0f }, dense.Span<float>().ToArray());
    }

    [TestMethod]
    public void FunctionCallsAreExpandedWithFreshNamesAndAttributes()
    {
        var function = new FunctionProto { Name = "Scale", Domain = "local", Input = { "X" }, Output = { "Y" }, Attribute = { "unused" } };
        function.AttributeProto.Add(Protos.Float("slope", 0.5f));
        function.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        function.Node.Add(Protos.Node("LeakyRelu", new[] { "X" }, new[] { "T" }, "leaky",
            new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, RefAttrName = "slope" }));
        function.Node.Add(Protos.Node("Neg", new[] { "T" }, new[] { "Y" }, "neg"));
        var first = Protos.Node("Scale", new[] { "x" }, new[] { "a" }, "first", Protos.Float("slope", 0.25f));
        first.Domain = "local";
        var second = Protos.Node("Scale", new[] { "a" }, new[] { "T" }, "second");
        second.Domain = "local";
        var model = Protos.Model(Protos.Graph("g", new[] { Protos.Tensor("x", DataType.Float, 2) }, new[] { new ValueInfoProto { Name = "T" } }, first, second));
        model.Functions.Add(function);
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "local", Version = 1 });

        var imported = Load(model);
        var nodes = imported.Graph.Nodes;

        CollectionAssert.AreEqual(new[] { "LeakyRelu", "Neg", "LeakyRelu", "Neg" }, nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual(0.25f, nodes[0].GetFloat("alpha", 0), "the caller's attribute");
        Assert.AreEqual(0.5f, nodes[2].GetFloat("alpha", 0), "the function's default");
        Assert.AreEqual("a", nodes[1].Outputs[0]!.Name);
        Assert.AreEqual("T", nodes[3].Outputs[0]!.Name, "a formal output takes the caller's name");
        Assert.AreNotEqual("T", nodes[0].Outputs[0]!.Name, "a body value never collides with a graph value");
        Assert.AreNotEqual(nodes[0].Outputs[0]!.Name, nodes[2].Outputs[0]!.Name);
        Assert.AreEqual("first/leaky", nodes[0].Name);
        Assert.HasCount(1, imported.Functions);
        Assert.AreEqual("slope", imported.Functions[0].Body.Nodes[0].FindAttribute("alpha")!.ReferencedAttribute);
    }

    [TestMethod]
    public void ConvModelLoads()
    {
        string path = Path.Combine(ConformanceData.Root(), "node", "test_conv_with_strides_padding", "model.onnx");

        var graph = ModelReader.Load(path, ImportOnly).Graph;

        Assert.AreEqual("Conv", graph.Nodes.Single().OpType);
        CollectionAssert.AreEqual(new[] { 2L, 2L }, graph.Nodes[0].GetInts("strides"));
        Assert.AreEqual(new TensorType(DataType.Float, new Shape(1, 1, 7, 5)), graph.Inputs[0].Type);
    }

    private static Model Load(ModelProto model) =>
        ModelReader.Load(new MemoryStream(model.ToByteArray()), fileName: "test.onnx", options: ImportOnly);
}
