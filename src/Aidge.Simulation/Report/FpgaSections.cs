using Aidge.Simulation.Cost.Hls;

namespace Aidge.Simulation.Report;

/// <summary>The FPGA estimate as the report's section.</summary>
public static class FpgaSections
{
    public static FpgaSection Of(HlsEstimate estimate)
    {
        var options = estimate.Options;
        var constants = HlsConstants.All().ToList();
        if (estimate.Device is { } device)
        {
            constants.Add(("deviceDsp", device.Dsp));
            constants.Add(("deviceBram18k", device.Bram18k));
        }
        return new FpgaSection(
            options.Part,
            options.ClockPeriodNs,
            options.ReuseFactor,
            options.StrategyName,
            options.IOTypeName,
            options.Precision?.ToString() ?? "float",
            estimate.Cycles,
            estimate.Seconds,
            estimate.Dsp,
            estimate.Bram18k,
            estimate.Device?.Dsp.Value,
            estimate.Device?.Bram18k.Value,
            estimate.Layers.Select(l => new FpgaLayerRow(l.Name, l.OpType, l.Arithmetic, l.Terms, l.Units, l.Interval, l.Cycles, l.Dsp, l.WeightBram18k, l.ActivationBram18k, l.RegisterBits)).ToList(),
            constants.Select(c => new ConstantRow(c.Name, c.Value.Value, c.Value.Source)).ToList(),
            $"An estimate from static shapes before synthesis, not a Vitis HLS report: a layer summing K terms per output has ceil(K/ReuseFactor) parallel operators; " +
            $"the {options.StrategyName} strategy {(options.ResourceStrategy ? "starts an output every ReuseFactor cycles" : "pipelines each output's reduction")}; " +
            $"layers run {(options.Streaming ? "as a dataflow pipeline (the slowest layer plus the others' fill)" : "one after another")}; latency = cycles × {options.ClockPeriodNs.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} ns. " +
            "It describes this design; the FPGA row of the cost per target is a roofline of the whole device (every DSP busy), a bound no layer-by-layer design reaches.");
    }
}
