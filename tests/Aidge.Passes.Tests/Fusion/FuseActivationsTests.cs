using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Passes.Fusion;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class FuseActivationsTests
{
    private static readonly IPass[] Pass = [new FuseActivations()];

    [TestMethod]
    [DataRow("Relu", "Relu", new float[0])]
    [DataRow("Relu6", "Clip", new[] { 0f, 6f })]
    [DataRow("ClipMinOnly", "Clip", new[] { -0.25f, float.PositiveInfinity })]
    [DataRow("LeakyRelu", "LeakyRelu", new[] { 0.2f })]
    [DataRow("Sigmoid", "Sigmoid", new float[0])]
    [DataRow("HardSigmoid", "HardSigmoid", new[] { 0.2f, 0.5f })]
    [DataRow("HardSwish", "HardSwish", new float[0])]
    [DataRow("Tanh", "Tanh", new float[0])]
    [DataRow("SigmoidTimesX", "Swish", new float[0])]
    [DataRow("XTimesSigmoid", "Swish", new float[0])]
    public void ConvAndActivationBecomeOneFusedConv(string tail, string activation, float[] parameters)
    {
        var builder = new ModelBuilder(opset: 17).Input("x", 1, 3, 9, 9);
        builder.Output(Activation(builder, builder.Conv("x", 3, 8, 3, stride: 2), tail));

        var optimized = PassTesting.AssertEquivalentAfter(builder, Pass);

        var fused = optimized.Graph.Nodes.Single();
        Assert.AreEqual("FusedConv", fused.OpType);
        Assert.AreEqual(AidgeDomain.Name, fused.Domain);
        Assert.AreEqual(activation, fused.GetString(FusedActivation.ActivationAttribute, ""));
        CollectionAssert.AreEqual(parameters, fused.GetFloats(FusedActivation.ParametersAttribute) ?? []);
        CollectionAssert.AreEqual(new long[] { 2, 2 }, fused.GetInts("strides"));
        Assert.AreEqual(builder.ToProto().Graph.Output[0].Name, optimized.Graph.Outputs.Single().Name);
        Assert.AreEqual(AidgeDomain.Version, optimized.Graph.OpsetOf(AidgeDomain.Name));
    }

    [TestMethod]
    public void GemmAndActivationBecomeOneFusedGemmWithGemmsAttributes()
    {
        var builder = new ModelBuilder(opset: 17)
            .Input("x", 3, 20)
            .RandomInitializer("w", 0.3f, 7, 20)
            .RandomInitializer("c", 0.3f, 7)
            .Node("Gemm", ["x", "w", "c"], ["g"], ("transB", 1L), ("alpha", 0.5f), ("beta", 2f));
        builder.Output(Activation(builder, "g", "SigmoidTimesX"));

        var optimized = PassTesting.AssertEquivalentAfter(builder, Pass);

        var fused = optimized.Graph.Nodes.Single();
        Assert.AreEqual("FusedGemm", fused.OpType);
        Assert.AreEqual("Swish", fused.GetString(FusedActivation.ActivationAttribute, ""));
        Assert.AreEqual(1L, fused.GetInt("transB", 0));
        Assert.AreEqual(0.5f, fused.GetFloat("alpha", 1));
        Assert.AreEqual(2f, fused.GetFloat("beta", 1));
    }

    [TestMethod]
    public void OldOpsetsClipAttributesAndGemmBroadcastAreHandled()
    {
        // Opset 9: Clip's bounds are attributes (the absent max defaults to FLT_MAX); Gemm still has 'broadcast'.
        var builder = new ModelBuilder(opset: 9)
            .Input("x", 2, 6)
            .RandomInitializer("w", 0.5f, 6, 5)
            .RandomInitializer("c", 0.5f, 2, 5)
            .Node("Gemm", ["x", "w", "c"], ["g"], ("broadcast", 1L))
            .Node("Clip", ["g"], ["y"], ("min", -0.1f))
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, Pass);

        var fused = optimized.Graph.Nodes.Single();
        CollectionAssert.AreEqual(new[] { -0.1f, float.MaxValue }, fused.GetFloats(FusedActivation.ParametersAttribute));
        Assert.IsFalse(fused.HasAttribute("broadcast"));
    }

    [TestMethod]
    public void ConvOutputReadElsewhereIsLeftAlone()
    {
        var builder = new ModelBuilder(opset: 17).Input("x", 1, 4, 6, 6);
        string conv = builder.Conv("x", 4, 4, 3);
        builder.Output(builder.Add(builder.Relu(conv), conv));

        AssertUnchanged(builder);
    }

    [TestMethod]
    public void ConvOutputThatIsAGraphOutputIsLeftAlone()
    {
        var builder = new ModelBuilder(opset: 17).Input("x", 1, 4, 6, 6);
        string conv = builder.Conv("x", 4, 4, 3);
        builder.Output(builder.Relu(conv)).Output(conv);

        AssertUnchanged(builder);
    }

    [TestMethod]
    public void ClipWithARunTimeBoundIsLeftAlone()
    {
        var builder = new ModelBuilder(opset: 17).Input("x", 1, 4, 6, 6).Input("high", Aidge.Core.Tensors.Tensor.FromArray(new[] { 0.5f }));
        string conv = builder.Conv("x", 4, 4, 3);
        builder.Initializer("low", [0f]).Node("Clip", [conv, "low", "high"], ["y"]).Output("y");

        AssertUnchanged(builder);
    }

    [TestMethod]
    public void SigmoidReadByAnotherNodeIsNotSwish()
    {
        var builder = new ModelBuilder(opset: 17).Input("x", 1, 4, 6, 6);
        string conv = builder.Conv("x", 4, 4, 3);
        builder.Node("Sigmoid", [conv], ["s"]).Node("Mul", [conv, "s"], ["m"]).Node("Add", ["m", "s"], ["y"]).Output("y");

        AssertUnchanged(builder);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ValueUsedInsideASubgraphIsNotFusedAway(bool returnedAsIs)
    {
        // The If's then-branch reads the Conv's output from the enclosing graph, or returns it without a node.
        var builder = new ModelBuilder(opset: 17).Input("x", 1, 4, 6, 6).Input("flag", Aidge.Core.Tensors.Tensor.FromSpan<byte>(Aidge.Core.Tensors.DataType.Bool, [], [1]));
        string conv = builder.Conv("x", 4, 4, 3);
        string relu = builder.Relu(conv);
        var model = PassTesting.Import(builder.Output(relu).ToBytes());
        var graph = model.Graph;
        var branch = Passthrough(new Graph("then", graph), graph.Find(conv)!, returnedAsIs);
        var otherwise = Passthrough(new Graph("else", graph), graph.Find(relu)!, returnedAsIs: false);
        var chosen = graph.GetOrAddValue("chosen");
        var ifNode = graph.AddNode("If", [graph.Find("flag")], [chosen]);
        ifNode.SetAttribute(NodeAttribute.Of("then_branch", branch));
        ifNode.SetAttribute(NodeAttribute.Of("else_branch", otherwise));
        graph.Outputs.Add(chosen);

        var records = PassManager.Run(graph, Pass, PassTesting.Context());

        Assert.IsFalse(records[0].Result.Changed);
        Assert.AreEqual(1, PassTesting.Count(graph, "Conv"));
    }

    [TestMethod]
    public void SmallNetworkFusesEveryEligibleLayerAndComputesTheSame()
    {
        // conv-relu, depthwise conv-relu6, conv-hardswish, flatten, gemm-swish, gemm-sigmoid, and a conv whose output
        // is also added back (not fused).
        var builder = new ModelBuilder(opset: 17).Input("image", 2, 3, 12, 12);
        string x = builder.Relu(builder.Conv("image", 3, 16, 3, stride: 2));
        x = builder.Relu6(builder.Conv(x, 16, 16, 3, group: 16));
        x = Activation(builder, builder.Conv(x, 16, 8, 1), "HardSwish");
        string shortcut = builder.Conv(x, 8, 8, 3);
        x = builder.Add(builder.Relu(shortcut), shortcut);
        string flat = builder.Fresh("flat");
        builder.Node("Flatten", [x], [flat]).RandomInitializer("w1", 0.05f, 32, 288).RandomInitializer("w2", 0.2f, 10, 32)
            .Node("Gemm", [flat, "w1"], ["h"], ("transB", 1L));
        string hidden = Activation(builder, "h", "XTimesSigmoid");
        builder.Node("Gemm", [hidden, "w2"], ["logits"], ("transB", 1L)).Node("Sigmoid", ["logits"], ["scores"]).Output("scores");

        var optimized = PassTesting.AssertEquivalentAfter(builder, Pass);
        var (_, records) = PassTesting.Optimize(builder, Pass);

        Assert.AreEqual(3, PassTesting.Count(optimized.Graph, "FusedConv"));
        Assert.AreEqual(2, PassTesting.Count(optimized.Graph, "FusedGemm"));
        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "Conv"));
        Assert.AreEqual(5, records[0].Result.Rewrites);
        Assert.AreEqual(11, records[0].Result.NodesRemoved);
        Assert.AreEqual(5, records[0].Result.NodesAdded);
        CollectionAssert.AreEqual(
            new[] { "FusedConv + Clip: 1", "FusedConv + HardSwish: 1", "FusedConv + Relu: 1", "FusedGemm + Sigmoid: 1", "FusedGemm + Swish: 1" },
            records[0].Result.Notes.ToArray());
    }

    [TestMethod]
    public void O2RunsTheFusionAfterTheFolds()
    {
        // BatchNormalization, scale/shift and MatMul+Add folds leave the plain Conv/Gemm that the fusion looks for.
        var o2 = OptimizationLevels.PassesOf("O2").ToList();
        int fusion = o2.IndexOf("fuse-activations");
        foreach (string fold in new[] { "fold-batchnorm", "fold-scale-shift", "fold-pad", "matmul-add-to-gemm", "recognize-gelu" })
        {
            int at = o2.IndexOf(fold);
            Assert.IsTrue(at >= 0 && at < fusion, $"{fold} runs before fuse-activations");
        }
        Assert.IsInstanceOfType<FuseActivations>(PassRegistry.Default.Get("fuse-activations"));
    }

    /// <summary>A branch that returns a value of the enclosing graph: as is, or copied by an Identity node.</summary>
    private static Graph Passthrough(Graph branch, Value outer, bool returnedAsIs)
    {
        if (returnedAsIs)
        {
            branch.Outputs.Add(outer);
            return branch;
        }
        var copy = branch.GetOrAddValue("copy");
        branch.AddNode("Identity", [outer], [copy]);
        branch.Outputs.Add(copy);
        return branch;
    }

    private static void AssertUnchanged(ModelBuilder builder)
    {
        var (optimized, records) = PassTesting.Optimize(builder, Pass);
        Assert.IsFalse(records[0].Result.Changed);
        Assert.AreEqual(0, PassTesting.Count(optimized.Graph, "FusedConv"));
    }

    /// <summary>Appends the named activation (or x·sigmoid(x), either operand order) to <paramref name="input"/>.</summary>
    private static string Activation(ModelBuilder builder, string input, string tail)
    {
        string output = builder.Fresh(tail);
        switch (tail)
        {
            case "Relu6":
                return builder.Relu6(input);
            case "ClipMinOnly":
                string min = builder.Fresh("min");
                builder.Initializer(min, [-0.25f]).Node("Clip", [input, min, ""], [output]);
                break;
            case "LeakyRelu":
                builder.Node("LeakyRelu", [input], [output], ("alpha", 0.2f));
                break;
            case "SigmoidTimesX" or "XTimesSigmoid":
                string gate = builder.Fresh("gate");
                builder.Node("Sigmoid", [input], [gate]).Node("Mul", tail == "XTimesSigmoid" ? [input, gate] : [gate, input], [output]);
                break;
            default:
                builder.Node(tail, [input], [output]);
                break;
        }
        return output;
    }
}
