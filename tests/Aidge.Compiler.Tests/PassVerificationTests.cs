using Aidge.Compiler.Data;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Passes.Pipeline;
using Aidge.Simulation.Runtime;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The check of the optimized graph against the imported one, with passes written here: one that keeps the outputs,
/// one that breaks them (the check must name it), and weight rewrites standing in for pruning and quantization.
/// </summary>
[TestClass]
public sealed class PassVerificationTests
{
    private const string File = "classifier.onnx";

    /// <summary>Conv, Relu, Identity, MaxPool, Flatten, Gemm: ten logits.</summary>
    private static readonly ModelBuilder Classifier = new ModelBuilder(opset: 13)
        .Input("image", 1, 1, 8, 8)
        .RandomInitializer("conv.weight", 0.5f, 4, 1, 3, 3)
        .RandomInitializer("conv.bias", 0.1f, 4)
        .RandomInitializer("fc.weight", 0.2f, 10, 64)
        .RandomInitializer("fc.bias", 0.1f, 10)
        .Node("Conv", ["image", "conv.weight", "conv.bias"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
        .Node("Relu", ["c"], ["r"])
        .Node("Identity", ["r"], ["i"])
        .Node("MaxPool", ["i"], ["p"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
        .Node("Flatten", ["p"], ["f"])
        .Node("Gemm", ["f", "fc.weight", "fc.bias"], ["logits"], ("transB", 1L))
        .Output("logits");

    private static Graph Import()
    {
        using var stream = new MemoryStream(Classifier.ToBytes());
        return ModelReader.Load(stream, fileName: File).Graph;
    }

    private static PassContext Context() => new(File) { Evaluator = new KernelNodeEvaluator(File) };

    private static VerificationSamples RandomSamples(Graph graph) => VerificationSamples.Random(InputSlot.Of(graph, File));

    private static (PassVerification Verification, Graph Optimized, List<Diagnostic> Diagnostics) Optimize(IReadOnlyList<IPass> passes, Func<Graph, VerificationSamples>? samples = null)
    {
        var graph = Import();
        var diagnostics = new List<Diagnostic>();
        var verification = PassVerification.Start(graph, () => (samples ?? RandomSamples)(graph), File, diagnostics)!;
        Assert.IsNotNull(verification, string.Join("\n", diagnostics));
        PassManager.Run(graph, passes, Context());
        return (verification, graph, diagnostics);
    }

    private static Diagnostic Check(params IPass[] passes)
    {
        var (verification, optimized, _) = Optimize(passes);
        return verification.CheckEquivalence(optimized, new PassBisection(Import, passes, Context));
    }

    [TestMethod]
    public void AnEquivalentPipelinePassesWithItsFigures()
    {
        var result = Check(new DropIdentity());

        Assert.AreEqual(Severity.Info, result.Severity, result.Message);
        Assert.AreEqual(DiagnosticCodes.PassVerification, result.Code);
        StringAssert.Contains(result.Message, "agrees with the imported model on 32 samples (32 seeded random samples; 1 outputs, max abs difference 0)");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ThePassThatBreaksEquivalenceIsNamed(bool breakFirst)
    {
        IPass[] passes = breakFirst ? [new ReluToSigmoid(), new DropIdentity()] : [new DropIdentity(), new ReluToSigmoid()];

        var result = Check(passes);

        Assert.AreEqual(Severity.Error, result.Severity);
        Assert.AreEqual(DiagnosticCodes.PassBrokeEquivalence, result.Code);
        Assert.AreEqual(File, result.File);
        StringAssert.Contains(result.Message, "pass 'relu-to-sigmoid' changed output 'logits' differs at");
        StringAssert.Contains(result.Message, "on sample 1 of 32 (32 seeded random samples)");
        StringAssert.Contains(result.Message, "--optimize");
        StringAssert.Contains(result.Message, "report it with the model");
    }

    [TestMethod]
    public void RoundedWeightsKeepTheDecisionsAndCostSomeSignal()
    {
        var (verification, optimized, diagnostics) = Optimize([new DropIdentity(), new RoundWeights(64)], SamplesWithLabels);

        var report = verification.MeasureFidelity(optimized, pruned: false, quantized: true, 0.9, diagnostics)!;

        var logits = report.Outputs.Single();
        Assert.AreEqual("logits", logits.Name);
        Assert.IsTrue(logits.SnrDb is > 10 and < 60, $"SNR {logits.SnrDb}");
        Assert.IsGreaterThan(0.0, logits.MaxAbsError);
        Assert.IsTrue(report.Top1Agreement is >= 0.85 and <= 1, $"agreement {report.Top1Agreement}");
        Assert.AreEqual(logits.Top1Agreement, report.Top1Agreement);
        Assert.AreEqual(1.0, report.ReferenceAccuracy, "the labels are the original model's own decisions");
        Assert.AreEqual(report.Top1Agreement, report.OptimizedAccuracy);
        Assert.IsFalse(report.RandomInputs);
        Assert.AreEqual(20, report.Samples);
        var info = diagnostics.Single(d => d.Code == DiagnosticCodes.PassVerification);
        StringAssert.Contains(info.Message, "What int8 quantization cost, measured by the simulator on 20 samples (the sample input labelled.npy): top-1 agreement");
        StringAssert.Contains(info.Message, "accuracy 100 % before");
        Assert.IsFalse(diagnostics.Any(d => d.Code == DiagnosticCodes.FidelityBelowThreshold));
    }

    [TestMethod]
    public void LostDecisionsAreAWarningThatSaysWhatToDo()
    {
        var (verification, optimized, diagnostics) = Optimize([new NegateClassifier()]);

        var report = verification.MeasureFidelity(optimized, pruned: true, quantized: false, 0.9, diagnostics)!;

        Assert.IsLessThan(0.5, report.Top1Agreement!.Value);
        Assert.IsTrue(report.RandomInputs);
        var warning = diagnostics.Single(d => d.Code == DiagnosticCodes.FidelityBelowThreshold);
        Assert.AreEqual(Severity.Warning, warning.Severity);
        StringAssert.Contains(warning.Message, "After pruning the model's top-1 decision on output 'logits' agrees with the original on");
        StringAssert.Contains(warning.Message, "below MinAgreement 90 %: Give real inputs (SampleInput)");
        StringAssert.Contains(warning.Message, "lower the Prune ratio");
        Assert.DoesNotContain("CalibrationData", warning.Message, "no advice about quantization when only pruning ran");
    }

    [TestMethod]
    public void LabelsThatDoNotMatchTheSamplesAreAnError()
    {
        var graph = Import();
        var diagnostics = new List<Diagnostic>();
        var samples = RandomSamples(graph) with { Labels = [1, 2, 3] };

        Assert.IsNull(PassVerification.Start(graph, () => samples, File, diagnostics));

        var error = diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.DataMismatch, error.Code);
        StringAssert.Contains(error.Message, "they hold 3 labels for 32 samples of 1 rows each (32 needed)");
    }

    [TestMethod]
    public void AModelTooLargeToSimulateIsSkippedBeforeAnySampleIsMade()
    {
        var large = new ModelBuilder(opset: 13).Input("a", 2000, 1000).Input("b", 1000, 4000).Node("MatMul", ["a", "b"], ["y"]).Output("y");
        using var stream = new MemoryStream(large.ToBytes());
        var graph = ModelReader.Load(stream, fileName: File).Graph;
        new Aidge.Core.Operators.ShapeInference(null, File).Run(graph);
        var diagnostics = new List<Diagnostic>();

        Assert.IsNull(PassVerification.Start(graph, () => throw new AssertFailedException("no samples for a skipped check"), File, diagnostics));

        StringAssert.Contains(diagnostics.Single().Message, "skipped: the model counts 8 GMACs");
    }

    /// <summary>20 random samples written to a .npy, labelled with the original model's own decisions.</summary>
    private static VerificationSamples SamplesWithLabels(Graph graph)
    {
        var inputs = InputSlot.Of(graph, File);
        var random = new Random(7);
        var data = Tensor.FromArray(Enumerable.Range(0, 20 * 64).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), 20, 1, 8, 8);
        string folder = Directory.CreateTempSubdirectory("aidge-verify-").FullName;
        try
        {
            string path = Path.Combine(folder, "labelled.npy");
            NpyFiles.Write(path, data);
            var loaded = VerificationSamples.Load(path, null, inputs);
            var labels = loaded.Feeds.Select(feed => (long)FidelityMetrics.ArgMaxRows(Run(graph, feed), 1, 10)[0]).ToArray();
            return loaded with { Labels = labels };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Tensor Run(Graph graph, IReadOnlyDictionary<string, Tensor> feed) =>
        (Tensor)new Interpreter(graph, file: File).Run(feed.ToDictionary(f => f.Key, f => (object?)f.Value))["logits"]!;

    private static Node Only(Graph graph, string opType) => graph.Nodes.Single(n => n.OpType == opType);

    /// <summary>Removes the Identity node: equivalent.</summary>
    private sealed class DropIdentity : IPass
    {
        public string Name => "drop-identity";

        public string Description => "Removes the Identity node.";

        public PassResult Run(Graph graph, PassContext context)
        {
            var identity = Only(graph, "Identity");
            var (input, output) = (identity.Input(0)!, identity.Output(0)!);
            foreach (var consumer in output.Consumers.ToList())
            {
                consumer.SetInput(consumer.Inputs.ToList().IndexOf(output), input);
            }
            graph.RemoveNode(identity);
            return new PassResult(1, 1, 0, 0, []);
        }
    }

    /// <summary>Turns the Relu into a Sigmoid: a wrong rewrite.</summary>
    private sealed class ReluToSigmoid : IPass
    {
        public string Name => "relu-to-sigmoid";

        public string Description => "Breaks the model.";

        public PassResult Run(Graph graph, PassContext context)
        {
            var relu = Only(graph, "Relu");
            var (input, output) = (relu.Input(0), relu.Output(0));
            graph.RemoveNode(relu);
            graph.AddNode("Sigmoid", [input], [output], "sigmoid");
            graph.SortTopologically();
            return new PassResult(1, 1, 1, 0, []);
        }
    }

    /// <summary>Rounds the classifier's weights to 1/<c>steps</c>: what quantization does, on a coarse grid.</summary>
    private sealed class RoundWeights(int steps) : IPass
    {
        public string Name => "round-weights";

        public string Description => "Rounds the classifier's weights.";

        public PassResult Run(Graph graph, PassContext context) => Rewrite(graph, "fc.weight", w => MathF.Round(w * steps) / steps);
    }

    /// <summary>Negates the classifier's weights and bias: every decision becomes the least likely class.</summary>
    private sealed class NegateClassifier : IPass
    {
        public string Name => "negate-classifier";

        public string Description => "Negates the logits.";

        public PassResult Run(Graph graph, PassContext context) =>
            Rewrite(graph, "fc.weight", w => -w).Plus(Rewrite(graph, "fc.bias", b => -b));
    }

    private static PassResult Rewrite(Graph graph, string initializer, Func<float, float> change)
    {
        var value = graph.FindLocal(initializer)!;
        var weights = value.Initializer!;
        value.Initializer = Tensor.FromArray(weights.Span<float>().ToArray().Select(change).ToArray(), weights.Dims);
        return new PassResult(1, 0, 0, 0, []);
    }
}
