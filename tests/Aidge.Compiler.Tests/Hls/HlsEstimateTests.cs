using System.Text.Json;
using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;
using Aidge.Core.Diagnostics;
using Aidge.Export.Hls;
using Aidge.Export.Hls.Model;
using Aidge.Export.Hls.Writers;
using Aidge.Export.Kernels;
using Aidge.Simulation.Cost.Hls;
using Aidge.Simulation.Runtime;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// The FPGA estimate against the design it estimates: the loop it unrolls is the innermost reduction loop the HLS
/// layers write, with the unroll factor of the pragmas, for every layer of Digits in fp32 and int8; and an HLS build's
/// report carries the estimate under the item's options.
/// </summary>
[TestClass]
public sealed class HlsEstimateTests
{
    [TestMethod]
    [DataRow(false, 1)]
    [DataRow(true, 1)]
    [DataRow(false, 2)]
    public void EstimateUnrollsTheLoopTheHlsLayersPipeline(bool int8, int reuse)
    {
        var options = new CompileOptions(DigitsSample.ModelPath, "hls", "unused", null, null, DimBindings.TryParse([], out _)!) { NoVerify = true };
        if (int8)
        {
            options = options with { Quantize = "int8", CalibrationData = Path.Combine(DigitsSample.Folder, "digits-calibration.npy") };
        }
        var diagnostics = new List<Diagnostic>();
        var (model, inference) = ModelImport.Load(options, DigitsSample.ModelPath, diagnostics);
        var optimized = OptimizeStep.Run(model, inference, options, DigitsSample.ModelPath, diagnostics);
        var known = CompileTimeValues.Evaluate(model.Graph, optimized.Inference, DigitsSample.ModelPath);
        var memory = KernelMemory.Plan(model.Graph, known.Of, HlsEmitters.Target);
        var plan = KernelPlanner.Plan(model.Graph, known.Of, memory, "digits", HlsEmitters.Target).Plan!;

        int checkedLayers = 0;
        foreach (var node in model.Graph.Nodes)
        {
            var work = HlsLayerWork.Of(node, v => known.Of(v) is not null, type => HlsArithmetic.Of(type, null));
            if (work.Terms <= 1)
            {
                continue;
            }
            var layer = (HlsLayer)plan.Nodes.Single(p => p.Description == $"{node.OpType} '{node.DisplayName}'").Calls.Single().Helper;
            var body = layer.Body;
            // The innermost reduction loop: the last Reduction loop opened before the first line that uses it.
            var innermost = body.Select(s => s.Loop).OfType<HlsLoop>().Last(l => l.Role == HlsLoopRole.Reduction);
            long reductionTerms = body.Select(s => s.Loop).OfType<HlsLoop>().Where(l => l.Role == HlsLoopRole.Reduction).Aggregate(1L, (p, l) => p * l.Trips);
            Assert.AreEqual(innermost.Trips, work.InnerTrips, $"{node}: the innermost reduction loop");
            Assert.AreEqual(reductionTerms, work.Terms, $"{node}: the terms per output");
            var estimate = HlsCostModel.Estimate(work, new HlsDesignOptions(ReuseFactor: reuse));
            long unroll = HlsPragmas.UnrollFactor(innermost.Trips, reuse);
            // A float sum shares one multiplier-adder over its chained adds; integer sums and comparisons use one per term.
            bool floatSum = work.Arithmetic.Kind == HlsNumberKind.Float && work.Operation is HlsOperation.MultiplyAdd or HlsOperation.Add;
            Assert.AreEqual(floatSum ? 1 : unroll, estimate.Units, $"{node}: parallel operators");
            checkedLayers++;
        }
        Assert.AreEqual(4, checkedLayers, "both convolutions, the max pool and the classifier");
    }

    [TestMethod]
    public void HlsBuildReportHasTheFpgaEstimate()
    {
        string folder = Directory.CreateTempSubdirectory("aidge-hls-report-").FullName;
        try
        {
            var hls = HlsOptions.Parse("2", "resource", null, "4", null, out _)!;
            var options = new CompileOptions(DigitsSample.ModelPath, "hls", folder, null, null, DimBindings.TryParse([], out _)!) { NoNative = true, Hls = hls };
            Assert.AreEqual(0, CompileDriver.Run(options, new StringWriter(), new StringWriter()));
            using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "report.json")));
            var fpga = report.RootElement.GetProperty("fpga");
            Assert.AreEqual("Resource", fpga.GetProperty("strategy").GetString());
            Assert.AreEqual(2, fpga.GetProperty("reuseFactor").GetInt32());
            Assert.AreEqual(4.0, fpga.GetProperty("clockPeriodNs").GetDouble());
            Assert.AreEqual(5 + 2, fpga.GetProperty("layers").GetArrayLength(), "five layers and the AXI copies of the image and the logits");
            long cycles = fpga.GetProperty("cycles").GetInt64();
            Assert.AreEqual(cycles * 4e-9, fpga.GetProperty("seconds").GetDouble(), 1e-12);
            StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "report.html")), "<h2>FPGA estimate</h2>");

            var openmp = Directory.CreateTempSubdirectory("aidge-openmp-report-").FullName;
            Assert.AreEqual(0, CompileDriver.Run(options with { Target = "openmp", OutputDirectory = openmp }, new StringWriter(), new StringWriter()));
            using var other = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(openmp, "report.json")));
            Assert.IsFalse(other.RootElement.TryGetProperty("fpga", out _), "Only HLS builds get the FPGA estimate.");
            Directory.Delete(openmp, recursive: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
