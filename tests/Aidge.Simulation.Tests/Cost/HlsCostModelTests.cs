using Aidge.Core.Tensors;
using Aidge.Simulation.Cost.Hls;
using Aidge.Simulation.Report;
using Aidge.Simulation.Report.Html;

namespace Aidge.Simulation.Tests.Cost;

/// <summary>
/// The FPGA estimate of the small classifier (Conv 2→8 3x3 on 8x8, Relu, MaxPool 2x2, Flatten, Gemm 128→10), every figure
/// worked out by hand from the constants: fp32 add 5 cycles, multiply 4, fp32 MAC 3 + 2 DSP, DSP MAC 3 cycles, loop entry 2.
/// </summary>
[TestClass]
public sealed class HlsCostModelTests
{
    [TestMethod]
    public void Fp32LatencyStrategyIsBoundByTheFloatAddRecurrence()
    {
        var estimate = HlsCostModel.Estimate(WorkloadAnalysisTests.Classifier(), v => v.Initializer is not null, new HlsDesignOptions());
        var conv = estimate.Layers[1];
        // K = 2·3·3 = 18 terms; the innermost loop (a kernel row, 3 trips) unrolled by 3 (R = 1): 3 chained float adds
        // per iteration set II = 3 × 5 = 15, and one multiplier and one adder serve them.
        Assert.AreEqual((18L, 1L, 15L), (conv.Terms, conv.Units, conv.Interval));
        // Per output: 6 iterations (the ci, kh loops flattened), the last one's depth MAC 4 + 5 then 2 more adds × 5,
        // + 2 to enter: 5 × 15 + 19 + 2 = 96; 512 outputs one after another.
        Assert.AreEqual(96, conv.FirstOutputCycles);
        Assert.AreEqual(512 * 96, conv.Cycles);
        Assert.AreEqual(5, conv.Dsp);
        // Weights partitioned in 3 banks of 48 floats (1536 bits: one 512x36 block each); bias 8 floats in 3 banks of at
        // most 3 (registers); the output's 512 floats: one 512x36 block.
        Assert.AreEqual((3L, 1L, 8L * 32), (conv.WeightBram18k, conv.ActivationBram18k, conv.RegisterBits));
        var relu = estimate.Layers[2];
        Assert.AreEqual((511L + 1 + 2, 0L), (relu.Cycles, relu.Dsp));
        var pool = estimate.Layers[3];
        // A 2-wide kernel row unrolled: 2 iterations per output, depth 1 + a 1-level tree, + 2: 5 cycles, 128 outputs.
        Assert.AreEqual((2L, 1L, 128L * 5), (pool.Units, pool.Interval, pool.Cycles));
        Assert.AreEqual(127 + 1 + 2, estimate.Layers[4].Cycles);
        var gemm = estimate.Layers[5];
        // K = 128 unrolled: II = 128 × 5, one iteration of depth 9 + 127 × 5, + 2.
        Assert.AreEqual((128L, 640L), (gemm.Terms, gemm.Interval));
        Assert.AreEqual(10 * (9 + 127 * 5 + 2), gemm.Cycles);
        // 1280 weights in 128 banks of 10 and the 10 logits: registers.
        Assert.AreEqual((0L, 0L, 1280L * 32 + 10 * 32), (gemm.WeightBram18k, gemm.ActivationBram18k, gemm.RegisterBits));
        // The AXI copies: 128 input floats (and their array: one block), 10 logits, an element per cycle + 1 + 2.
        var (copyIn, copyOut) = (estimate.Layers[0], estimate.Layers[6]);
        Assert.AreEqual((130L, 1L, 12L), (copyIn.Cycles, copyIn.ActivationBram18k, copyOut.Cycles));

        Assert.AreEqual(130 + 49152 + 514 + 640 + 130 + 6460 + 12, estimate.Cycles);
        Assert.AreEqual(57038 * 5e-9, estimate.Seconds, 1e-15);
        Assert.AreEqual((10L, 8L), (estimate.Dsp, estimate.Bram18k));
        Assert.AreEqual(1728, estimate.Device!.Dsp.Value);
    }

    [TestMethod]
    public void FixedPointReachesOneCyclePerIterationWithOneDspPerMac()
    {
        var options = new HlsDesignOptions(Precision: new FixedPointFormat(16, 6));
        var estimate = HlsCostModel.Estimate(WorkloadAnalysisTests.Classifier(), v => v.Initializer is not null, options);
        var conv = estimate.Layers[1];
        // 3 multipliers of 16x16 bits, one DSP48E2 each, at II = 1: 6 iterations, depth MAC 3 + a 2-level tree, + 2.
        Assert.AreEqual((3L, 1L, 3L), (conv.Units, conv.Interval, conv.Dsp));
        Assert.AreEqual(512 * (5 + 5 + 2), conv.Cycles);
        Assert.AreEqual("fixed16", conv.Arithmetic);
        // 48 16-bit weights per bank: 768 bits, LUT RAM.
        Assert.AreEqual(0, conv.WeightBram18k);
        var gemm = estimate.Layers[5];
        // 128 multipliers; depth 3 + a 7-level tree + 2 = 12 per output.
        Assert.AreEqual((128L, 10L * 12), (gemm.Dsp, gemm.Cycles));
        Assert.AreEqual(142 + 6144 + 514 + 640 + 130 + 120, estimate.Cycles);
        // 16-bit activations: 512 x 16 bits fits one 1K x 18 block.
        Assert.AreEqual(1, conv.ActivationBram18k);
    }

    [TestMethod]
    public void ResourceStrategyStartsAnOutputEveryReuseFactorCycles()
    {
        var options = new HlsDesignOptions(ReuseFactor: 4, ResourceStrategy: true, ClockPeriodNs: 4);
        var estimate = HlsCostModel.Estimate(WorkloadAnalysisTests.Classifier(), v => v.Initializer is not null, options);
        var conv = estimate.Layers[1];
        // ceil(18 / 4) = 5 MACs of 5 DSP; an output every 4 cycles, the last done after 9 + 17 × 5 + 2 = 96.
        Assert.AreEqual((5L, 4L, 25L), (conv.Units, conv.Interval, conv.Dsp));
        Assert.AreEqual(511 * 4 + 96, conv.Cycles);
        // Unpartitioned weights: 144 floats in one 512x36 block.
        Assert.AreEqual(1, conv.WeightBram18k);
        var gemm = estimate.Layers[5];
        // 1280 floats: three 512x36 blocks (two 1Kx18 side by side would take four).
        Assert.AreEqual((32L, 160L, 3L), (gemm.Units, gemm.Dsp, gemm.WeightBram18k));
        Assert.AreEqual(9 * 4 + 646, gemm.Cycles);
        Assert.AreEqual(127 * 4 + 5, estimate.Layers[3].Cycles);
        Assert.AreEqual(142 + 2140 + 514 + 513 + 130 + 682, estimate.Cycles);
        Assert.AreEqual(4121 * 4e-9, estimate.Seconds, 1e-15);
    }

    [TestMethod]
    public void StreamProcessesMoveTheirTensorsThroughFifos()
    {
        var graph = WorkloadAnalysisTests.Classifier();
        var parallel = HlsCostModel.Estimate(graph, v => v.Initializer is not null, new HlsDesignOptions());
        var stream = HlsCostModel.Estimate(graph, v => v.Initializer is not null, new HlsDesignOptions(Streaming: true));
        // Each process reads its input and writes its output, an element per cycle, with two loop entries:
        // conv 128 + 512 + 4, relu 512 + 512 + 4, pool 512 + 128 + 4, flatten 128 + 128 + 4, gemm 128 + 10 + 4.
        Assert.AreEqual(parallel.Cycles + 644 + 1028 + 644 + 260 + 142, stream.Cycles);
        // Every layer output three times (writer's array, FIFO, reader's array): 4 blocks x 3; the input once; conv weights 3.
        Assert.AreEqual(16, stream.Bram18k);
        Assert.AreEqual(parallel.Dsp, stream.Dsp);
    }

    [TestMethod]
    [DataRow(8, 1)]
    [DataRow(16, 1)]
    [DataRow(18, 1)]
    [DataRow(24, 2)]
    [DataRow(32, 4)]
    public void WideProductsTileTheDspMultiplier(int width, int slices) =>
        Assert.AreEqual(slices, HlsOperationCost.MultiplierTiles(width, width));

    [TestMethod]
    public void DspPerMacFollowsTheArithmetic()
    {
        Assert.AreEqual(5, HlsOperationCost.Dsp(HlsOperation.MultiplyAdd, HlsArithmetic.Float32));
        Assert.AreEqual(0.5, HlsOperationCost.Dsp(HlsOperation.MultiplyAdd, HlsArithmetic.Int8));
        Assert.AreEqual(1, HlsOperationCost.Dsp(HlsOperation.MultiplyAdd, new HlsArithmetic(HlsNumberKind.Fixed, 16)));
        Assert.AreEqual(0, HlsOperationCost.Dsp(HlsOperation.Add, HlsArithmetic.Int8));
        Assert.AreEqual(2, HlsOperationCost.Dsp(HlsOperation.Add, HlsArithmetic.Float32));
    }

    [TestMethod]
    public void ArraysTakeTheFewestBlocksOfOneAspectRatio()
    {
        Assert.AreEqual(new HlsStorage(2, 0), HlsStorage.Of(784, 32));
        Assert.AreEqual(new HlsStorage(1, 0), HlsStorage.Of(784, 8));
        Assert.AreEqual(new HlsStorage(0, 4 * 32), HlsStorage.Of(4, 32));
        Assert.AreEqual(new HlsStorage(0, 32 * 32), HlsStorage.Of(32, 32));
        // 3000 floats in 2 banks of 1500: three 512x36 blocks each.
        Assert.AreEqual(new HlsStorage(6, 0), HlsStorage.Partitioned(3000, 32, 2));
        // 9 elements in 4 banks: 3 + 2 + 2 + 2, all registers.
        Assert.AreEqual(new HlsStorage(0, 9 * 8), HlsStorage.Partitioned(9, 8, 4));
    }

    [TestMethod]
    public void ReportHasTheFpgaSectionOnlyForHlsBuilds()
    {
        var graph = WorkloadAnalysisTests.Classifier();
        var inputs = new ReportInputs("classifier.onnx", null, "O2", graph, null, []);
        Assert.IsNull(ReportBuilder.Build(inputs).Fpga);
        var report = ReportBuilder.Build(inputs with { Fpga = new HlsDesignOptions() });
        var fpga = report.Fpga!;
        Assert.AreEqual((57038L, 10L, 8L, 1728.0, 624.0), (fpga.Cycles, fpga.Dsp, fpga.Bram18k, fpga.DeviceDsp, fpga.DeviceBram18k));
        Assert.AreEqual(7, fpga.Layers.Count);
        Assert.IsTrue(fpga.Constants.All(c => c.Source.Length > 0));
        var json = System.Text.Encoding.UTF8.GetString(ReportJsonWriter.Write(report));
        StringAssert.Contains(json, "\"fpga\"");
        Assert.AreEqual(fpga.Cycles, ReportJsonWriter.Read(json)!.Fpga!.Cycles);
        var html = System.Text.Encoding.UTF8.GetString(ReportHtmlWriter.Write(report));
        StringAssert.Contains(html, "<h2>FPGA estimate</h2>");
        StringAssert.Contains(html, "10 of 1,728 (0.6%)");
        StringAssert.Contains(html, "57,038 cycles = 285 &#181;s");
    }
}
