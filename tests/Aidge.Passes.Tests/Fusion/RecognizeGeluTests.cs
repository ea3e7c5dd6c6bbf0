using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class RecognizeGeluTests
{
    private static readonly RecognizeGelu Pass = new();

    [TestMethod]
    public void TorchsErfChainBecomesGelu()
    {
        var b = new ModelBuilder().Input("x", 2, 6);
        b.Output(b.ErfGelu("x"));

        var gelu = SingleGelu(PassTesting.AssertEquivalentAfter(b, [Pass]));

        Assert.AreEqual("none", gelu.GetString("approximate", ""));
    }

    /// <summary>x·0.5·(1 + erf(x/√2)) grouped as exporters and hand-written models do, with constants to 5 or 6 digits.</summary>
    [TestMethod]
    [DataRow("(x*u)*h", "Div", 1.41421f)]
    [DataRow("(x*h)*u", "Div", 1.414214f)]
    [DataRow("(u*h)*x", "Mul", 0.70710f)]
    [DataRow("x*(u*h)", "Mul", 0.707107f)]
    public void EveryGroupingOfTheThreeFactorsIsRecognized(string grouping, string scaleBy, float constant)
    {
        var b = new ModelBuilder().Input("x", 3, 4)
            .Initializer("c", [constant]).Initializer("one", [1f]).Initializer("half", [0.5f])
            .Node(scaleBy, ["x", "c"], ["scaled"])
            .Node("Erf", ["scaled"], ["erf"])
            .Node("Add", ["one", "erf"], ["u"]);
        string[] first = grouping switch
        {
            "(x*u)*h" => ["x", "u"],
            "(x*h)*u" => ["x", "half"],
            _ => ["u", "half"],
        };
        string[] second = grouping switch
        {
            "(x*u)*h" => ["first", "half"],
            "(x*h)*u" => ["first", "u"],
            "(u*h)*x" => ["first", "x"],
            _ => ["x", "first"],
        };
        b.Node("Mul", first, ["first"]).Node("Mul", second, ["y"]).Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass], relativeTolerance: 1e-4, absoluteTolerance: 1e-5);

        Assert.AreEqual("y", SingleGelu(optimized).Output(0)!.Name);
        Assert.IsEmpty(optimized.Graph.Initializers, "the chain's constants go with it");
    }

    [TestMethod]
    public void TheTanhApproximationWithPowBecomesTanhGelu()
    {
        var b = new ModelBuilder().Input("x", 2, 6);
        b.Output(b.TanhGelu("x"));

        var gelu = SingleGelu(PassTesting.AssertEquivalentAfter(b, [Pass]));

        Assert.AreEqual("tanh", gelu.GetString("approximate", ""));
    }

    [TestMethod]
    public void TheTanhApproximationWithACubeOfMulsIsRecognizedToo()
    {
        var b = new ModelBuilder().Input("x", 2, 6)
            .Initializer("k", [0.044715f]).Initializer("s", [0.7978846f]).Initializer("one", [1f]).Initializer("half", [0.5f])
            .Node("Mul", ["x", "x"], ["square"])
            .Node("Mul", ["square", "x"], ["cube"])
            .Node("Mul", ["cube", "k"], ["cubic"])
            .Node("Add", ["cubic", "x"], ["sum"])
            .Node("Mul", ["sum", "s"], ["scaled"])
            .Node("Tanh", ["scaled"], ["t"])
            .Node("Add", ["t", "one"], ["u"])
            .Node("Mul", ["x", "u"], ["xu"])
            .Node("Mul", ["xu", "half"], ["y"])
            .Output("y");

        var gelu = SingleGelu(PassTesting.AssertEquivalentAfter(b, [Pass]));

        Assert.AreEqual("tanh", gelu.GetString("approximate", ""));
    }

    [TestMethod]
    public void OtherConstantsOrAnIntermediateTheCallerReadsStay()
    {
        Assert.IsTrue(PassTesting.Optimize(ErfChain(divisor: 1.4142f), [Pass]).Records[0].Result.Changed);
        Assert.IsFalse(PassTesting.Optimize(ErfChain(divisor: 2f), [Pass]).Records[0].Result.Changed);
        Assert.IsFalse(PassTesting.Optimize(ErfChain(divisor: 1.4142f).Output("erf"), [Pass]).Records[0].Result.Changed);
    }

    private static ModelBuilder ErfChain(float divisor) => new ModelBuilder().Input("x", 2, 6)
        .Initializer("divisor", [divisor]).Initializer("one", [1f]).Initializer("half", [0.5f])
        .Node("Div", ["x", "divisor"], ["scaled"])
        .Node("Erf", ["scaled"], ["erf"])
        .Node("Add", ["erf", "one"], ["u"])
        .Node("Mul", ["x", "u"], ["xu"])
        .Node("Mul", ["xu", "half"], ["y"])
        .Output("y");

    private static Node SingleGelu(Model model)
    {
        var gelu = model.Graph.Nodes.Single();
        Assert.AreEqual("Gelu", gelu.OpType);
        Assert.AreEqual(AidgeDomain.Name, gelu.Domain);
        return gelu;
    }
}
