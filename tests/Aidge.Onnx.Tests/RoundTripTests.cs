using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Onnx.Tests;

/// <summary>Save then load gives an equal model, for hand-built models and for the ONNX conformance models.</summary>
[TestClass]
public sealed class RoundTripTests
{
    private static readonly ModelReaderOptions ImportOnly = new(InferShapes: false);

    [TestMethod]
    public void HandBuiltModelSurvivesSaveAndLoad()
    {
        var model = BuildRichModel();

        var reloaded = SaveAndLoad(model);

        ModelAssert.AreEqual(model, reloaded);
    }

    [TestMethod]
    public void SubgraphOuterReferenceSurvivesAsTheParentsValue()
    {
        var reloaded = SaveAndLoad(BuildRichModel());

        var main = reloaded.Graph;
        var branch = main.Nodes.Single(n => n.OpType == "If").GetGraph("then_branch")!;
        Assert.AreSame(main.Find("w"), branch.Nodes[0].Input(1));
    }

    [TestMethod]
    public void SavingIsDeterministic()
    {
        var model = BuildRichModel();

        CollectionAssert.AreEqual(Save(model), Save(SaveAndLoad(model)));
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void ConformanceModelsSurviveSaveAndLoad()
    {
        string root = ConformanceData.Root();
        var failures = new List<string>();
        int checkedModels = 0;
        foreach (string file in ConformanceData.Models(root))
        {
            Model model;
            try
            {
                model = ModelReader.Load(file, ImportOnly);
            }
            catch (AidgeException e) when (e.Diagnostic.Code == DiagnosticCodes.UnsupportedElementType)
            {
                continue;
            }
            try
            {
                ModelAssert.AreEqual(model, SaveAndLoad(model));
                checkedModels++;
            }
            catch (Exception e) when (e is AssertFailedException or AidgeException)
            {
                failures.Add($"{file}: {e.Message}");
            }
        }
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.IsGreaterThan(1500, checkedModels);
    }

    private static byte[] Save(Model model)
    {
        using var stream = new MemoryStream();
        ModelWriter.Save(model, stream);
        return stream.ToArray();
    }

    private static Model SaveAndLoad(Model model) =>
        ModelReader.Load(new MemoryStream(Save(model)), fileName: "roundtrip.onnx", options: ImportOnly);

    /// <summary>A model using every feature the writer must carry: all tensor and attribute kinds, container types, symbolic dims, a subgraph, a function.</summary>
    private static Model BuildRichModel()
    {
        var graph = new Graph("rich") { DocString = "a graph" };
        graph.SetOpsets(new Dictionary<string, long> { [""] = 17, ["custom"] = 1 });
        var x = graph.GetOrAddValue("x");
        x.Type = new TensorType(DataType.Float, new Shape(new[] { Dim.Named("batch"), Dim.Unknown, Dim.Of(3) }));
        x.DocString = "the input";
        graph.Inputs.Add(x);
        var cond = graph.GetOrAddValue("cond");
        cond.Type = new TensorType(DataType.Bool, Shape.Scalar);
        graph.Inputs.Add(cond);
        var seq = graph.GetOrAddValue("seq");
        seq.Type = new SequenceType(new TensorType(DataType.Int64, null));
        graph.Inputs.Add(seq);
        var opt = graph.GetOrAddValue("opt");
        opt.Type = new OptionalType(new TensorType(DataType.Float16, new Shape(2)));
        graph.Inputs.Add(opt);

        var w = graph.AddInitializer("w", Tensor.FromArray(new[] { 1f, -2f, float.NaN }, 3));
        graph.Inputs.Add(w);
        graph.AddInitializer("i8", Tensor.FromSpan<sbyte>(DataType.Int8, new long[] { 2 }, new sbyte[] { -128, 127 }));
        graph.AddInitializer("h", Tensor.FromSpan(DataType.Float16, new long[] { 2 }, new[] { (Half)1.5, Half.NegativeInfinity }));
        graph.AddInitializer("b16", Tensor.FromSpan(DataType.BFloat16, new long[] { 1 }, new[] { BFloat16.FromSingle(3.25f) }));
        graph.AddInitializer("u64", Tensor.FromSpan(DataType.UInt64, new long[] { 1 }, new[] { ulong.MaxValue }));
        graph.AddInitializer("flag", Tensor.FromSpan<byte>(DataType.Bool, new long[] { 2 }, new byte[] { 1, 0 }));
        graph.AddInitializer("names", Tensor.FromStrings(new long[] { 2 }, new[] { "héllo", string.Empty }));
        graph.AddInitializer("empty", Tensor.Create(DataType.Double, 0, 4));

        var y = graph.GetOrAddValue("y");
        y.Type = new TensorType(DataType.Float, null);
        var add = graph.AddNode("Add", new[] { x, w }, new[] { y }, "add");
        add.DocString = "adds";

        var branch = new Graph("then", graph);
        var inner = branch.GetOrAddValue("inner");
        branch.AddNode("Mul", new[] { graph.Find("y"), graph.Find("w") }, new[] { inner }, "mul");
        branch.Outputs.Add(inner);
        var elseBranch = new Graph("else", graph);
        elseBranch.Outputs.Add(graph.Find("y")!);

        var z = graph.GetOrAddValue("z");
        var iff = graph.AddNode("If", new[] { cond }, new[] { z }, "if");
        iff.SetAttribute(NodeAttribute.Of("then_branch", branch));
        iff.SetAttribute(NodeAttribute.Of("else_branch", elseBranch));

        var u = graph.GetOrAddValue("u");
        var custom = graph.AddNode("Everything", new Value?[] { z, null, y }, new Value?[] { u, null }, "custom", "custom");
        custom.SetAttribute(NodeAttribute.Of("f", 0.25f));
        custom.SetAttribute(NodeAttribute.Of("i", -7L));
        custom.SetAttribute(NodeAttribute.Of("s", "ünïcode"));
        custom.SetAttribute(NodeAttribute.Of("t", Tensor.Scalar(5L)));
        custom.SetAttribute(NodeAttribute.Of("fs", new[] { 1f, 2f }));
        custom.SetAttribute(NodeAttribute.Of("is", new[] { 1L, -1L }));
        custom.SetAttribute(NodeAttribute.Of("ss", new[] { "a", "b" }));
        custom.SetAttribute(new NodeAttribute("ts", AttributeKind.Tensors, new[] { Tensor.Scalar(1f), Tensor.Scalar(2L) }));
        custom.SetAttribute(new NodeAttribute("gs", AttributeKind.Graphs, new[] { new Graph("g0", graph), new Graph("g1", graph) }));
        custom.SetAttribute(new NodeAttribute("tp", AttributeKind.TypeProto, new SequenceType(new TensorType(DataType.Int32, Shape.Scalar))));
        custom.SetAttribute(new NodeAttribute("tps", AttributeKind.TypeProtos, new IrType[] { new MapType(DataType.String, new TensorType(DataType.Float, null)) }));
        custom.SetAttribute(new NodeAttribute("sparse", AttributeKind.SparseTensor, Tensor.FromArray(new[] { 0f, 4f, 0f, 0f }, 2, 2)));
        graph.Outputs.Add(u);
        graph.Outputs.Add(z);

        var model = new Model(graph)
        {
            IrVersion = 9,
            ProducerName = "tests",
            ProducerVersion = "1.0",
            Domain = "ai.aidge",
            ModelVersion = 3,
            DocString = "a model",
        };
        model.Metadata.Add(KeyValuePair.Create("author", "aidge"));
        model.Functions.Add(BuildFunction());
        return model;
    }

    private static ModelFunction BuildFunction()
    {
        var body = new Graph("Scale");
        var input = body.GetOrAddValue("X");
        body.Inputs.Add(input);
        var output = body.GetOrAddValue("Y");
        var node = body.AddNode("LeakyRelu", new[] { input }, new[] { output }, "leaky");
        node.SetAttribute(new NodeAttribute("alpha", AttributeKind.Float, 0f) { ReferencedAttribute = "slope" });
        body.Outputs.Add(output);
        var function = new ModelFunction("Scale", "custom", body);
        function.AttributeDefaults.Add(NodeAttribute.Of("slope", 0.5f));
        function.Opsets[""] = 17;
        return function;
    }
}
