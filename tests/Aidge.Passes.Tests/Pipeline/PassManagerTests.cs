using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Passes.Tests.Support;
using Aidge.Passes.Pipeline;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Pipeline;

[TestClass]
public sealed class PassManagerTests
{
    [TestMethod]
    public void RecordsNodeCountsAndRefreshesInference()
    {
        var graph = TwoReluGraph();
        var records = PassManager.Run(graph, [new RemoveFirstRelu()], PassTesting.Context());

        Assert.HasCount(1, records);
        Assert.AreEqual("remove-first-relu", records[0].Pass);
        Assert.AreEqual(2, records[0].NodesBefore);
        Assert.AreEqual(1, records[0].NodesAfter);
        Assert.AreEqual(1, records[0].Result.NodesRemoved);
    }

    [TestMethod]
    public void NamesThePassThatLeavesAnInvalidGraph()
    {
        var graph = TwoReluGraph();
        var error = Assert.ThrowsExactly<AidgeException>(() => PassManager.Run(graph, [new OrphanFirstRelu()], PassTesting.Context()));

        Assert.AreEqual(DiagnosticCodes.PassFailed, error.Diagnostic.Code);
        StringAssert.Contains(error.Diagnostic.Message, "'orphan-first-relu' left an invalid graph");
    }

    [TestMethod]
    public void UnknownPassNamesAreReportedWithTheListCommand()
    {
        var error = Assert.ThrowsExactly<AidgeException>(() => PassRegistry.Default.Get("no-such-pass"));

        Assert.AreEqual(DiagnosticCodes.UnknownPass, error.Diagnostic.Code);
        StringAssert.Contains(error.Diagnostic.Message, "aidgec passes");
    }

    private static Graph TwoReluGraph()
    {
        var builder = new ModelBuilder().Input("x", 1, 4)
            .Node("Relu", ["x"], ["a"])
            .Node("Relu", ["a"], ["y"])
            .Output("y");
        return PassTesting.Import(builder.ToBytes()).Graph;
    }

    /// <summary>A correct rewrite: Relu is idempotent, so the first of two can go.</summary>
    private sealed class RemoveFirstRelu : IPass
    {
        public string Name => "remove-first-relu";

        public string Description => "test pass";

        public PassResult Run(Graph graph, PassContext context)
        {
            var first = graph.Nodes[0];
            var second = graph.Nodes[1];
            second.SetInput(0, first.Input(0));
            graph.RemoveNode(first);
            return PassResult.Unchanged with { NodesRemoved = 1 };
        }
    }

    /// <summary>A broken rewrite: removes a node whose output is still consumed.</summary>
    private sealed class OrphanFirstRelu : IPass
    {
        public string Name => "orphan-first-relu";

        public string Description => "test pass";

        public PassResult Run(Graph graph, PassContext context)
        {
            graph.RemoveNode(graph.Nodes[0]);
            return PassResult.Unchanged with { NodesRemoved = 1 };
        }
    }
}
