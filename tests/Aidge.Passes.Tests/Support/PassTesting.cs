using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Passes.Pipeline;
using Aidge.Simulation.Runtime;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Support;

/// <summary>
/// What every pass test does: import a model built in code twice (an original and one to rewrite), run passes on
/// the second through the pass manager (so inference and the graph checker run after each), and check with the
/// simulator that both compute the same outputs on the builder's seeded inputs.
/// </summary>
public static class PassTesting
{
    public const string FileName = "test.onnx";

    public static Model Import(byte[] model)
    {
        using var stream = new MemoryStream(model, writable: false);
        return ModelReader.Load(stream, fileName: FileName);
    }

    /// <summary>A context whose folding runs the simulator's kernels, as the compiler's does.</summary>
    public static PassContext Context() => new(FileName) { Evaluator = new KernelNodeEvaluator(FileName) };

    /// <summary>Runs the passes on a fresh import of the builder's model; returns the rewritten model and the records.</summary>
    public static (Model Optimized, IReadOnlyList<PassRecord> Records) Optimize(ModelBuilder builder, IEnumerable<IPass> passes, PassContext? context = null)
    {
        var model = Import(builder.ToBytes());
        var records = PassManager.Run(model.Graph, passes, context ?? Context());
        return (model, records);
    }

    /// <summary>Runs the passes and asserts the outputs did not change beyond the tolerance; returns the rewritten model.</summary>
    public static Model AssertEquivalentAfter(ModelBuilder builder, IEnumerable<IPass> passes, double relativeTolerance = 1e-5, double absoluteTolerance = 1e-6)
    {
        var (optimized, _) = Optimize(builder, passes);
        AssertSameOutputs(Import(builder.ToBytes()), optimized, builder.Feeds, relativeTolerance, absoluteTolerance);
        return optimized;
    }

    public static IReadOnlyList<Tensor> Run(Model model, IReadOnlyDictionary<string, Tensor> feeds)
    {
        var results = new Interpreter(model.Graph, file: FileName).Run(feeds.ToDictionary(f => f.Key, f => (object?)f.Value, StringComparer.Ordinal));
        return model.Graph.Outputs.Select(o => (Tensor)results[o.Name]!).ToList();
    }

    public static void AssertSameOutputs(Model expected, Model actual, IReadOnlyDictionary<string, Tensor> feeds, double relativeTolerance, double absoluteTolerance)
    {
        var want = Run(expected, feeds);
        var got = Run(actual, feeds);
        Assert.HasCount(want.Count, got);
        for (int i = 0; i < want.Count; i++)
        {
            CollectionAssert.AreEqual(want[i].Dims, got[i].Dims, $"output {i} shape");
            Assert.AreEqual(want[i].Type, got[i].Type, $"output {i} element type");
            for (int k = 0; k < want[i].Length; k++)
            {
                double w = want[i].GetDouble(k);
                double g = got[i].GetDouble(k);
                Assert.IsTrue(Math.Abs(w - g) <= absoluteTolerance + relativeTolerance * Math.Abs(w) || (double.IsNaN(w) && double.IsNaN(g)),
                    $"output {i} element {k}: expected {w}, got {g}");
            }
        }
    }

    /// <summary>How many nodes of an operator type the graph has.</summary>
    public static int Count(Graph graph, string opType) => graph.Nodes.Count(n => n.OpType == opType);
}
