namespace Aidge.Simulation.Cost;

/// <summary>
/// Descriptors of targets other than the build machine, from their public datasheets. Where no datasheet gives a
/// figure (efficiencies, overheads) the value is a stated assumption with its reason.
/// </summary>
public static class ReferenceTargets
{
    public static IReadOnlyList<TargetDescriptor> All { get; } = [RaspberryPi4(), JetsonOrinNano(), ZynqUltraScale()];

    /// <summary>Raspberry Pi 4 Model B: BCM2711, 4 Cortex-A72 cores at 1.5 GHz, LPDDR4-3200 on a 32-bit bus.</summary>
    public static TargetDescriptor RaspberryPi4() => new(
        "Cortex-A72 (Raspberry Pi 4)",
        "Raspberry Pi 4 Model B: Broadcom BCM2711, 4x Arm Cortex-A72 at 1.5 GHz, LPDDR4-3200",
        new(4, "Raspberry Pi 4 Model B product brief: quad-core Cortex-A72 (ARM v8) 64-bit SoC @ 1.5 GHz"),
        new(4, "assumption: 4 independent cores, each with its own NEON units"),
        new(24e9, "Arm Cortex-A72 Software Optimization Guide: ASIMD FP multiply-accumulate (Q-form) 2 per cycle on F0/F1 = 2 x 4 lanes x 2 FLOP = 16 FLOP/cycle, x 1.5 GHz"),
        new(24e9, "Arm Cortex-A72 Software Optimization Guide: ASIMD multiply-accumulate long (SMLAL, 8 lanes of 8-bit to 16-bit) 1 per cycle on F0 = 16 op/cycle, x 1.5 GHz (Armv8.0: no SDOT)"),
        new(12.8e9, "Raspberry Pi 4 product brief: LPDDR4-3200 SDRAM; BCM2711 32-bit interface: 3200 MT/s x 4 bytes"),
        new(1 << 20, "Raspberry Pi documentation (BCM2711): 1 MB shared L2 cache"),
        Sourced.Assumed(24e9, "one 128-bit load per cycle at 1.5 GHz"),
        Sourced.Assumed(1e-6, "a kernel call with its OpenMP region, about 3x the build machine's measured call at half its clock"),
        Sourced.Assumed(5e-6, "waking 3 OpenMP workers on an idle Cortex-A72, a few microseconds"),
        null,
        EnergyReferences.Fp32Mac,
        EnergyReferences.Int8Mac,
        EnergyReferences.DramByte,
        CpuEfficiency(),
        Measured: false);

    /// <summary>NVIDIA Jetson Orin Nano 8GB module: 1024-core Ampere GPU (8 SMs) at 625 MHz, 128-bit LPDDR5.</summary>
    public static TargetDescriptor JetsonOrinNano() => new(
        "Jetson Orin Nano (GPU)",
        "NVIDIA Jetson Orin Nano 8GB module: 1024-core Ampere GPU with 32 Tensor Cores at 625 MHz, 68 GB/s LPDDR5",
        new(8, "NVIDIA Jetson Orin Nano Series data sheet: 1024 CUDA cores = 8 Ampere SMs of 128"),
        new(8, "assumption: the SMs run one kernel's blocks independently"),
        new(160e9, "NVIDIA Jetson Orin Nano Series data sheet: 1024 CUDA cores at 625 MHz x 2 FLOP = 1.28 TFLOP/s, per SM of 8"),
        new(2.5e12, "NVIDIA Jetson Orin Nano Series data sheet: 40 INT8 TOPS sparse = 20 TOPS dense (Tensor Cores), per SM of 8"),
        new(68e9, "NVIDIA Jetson Orin Nano Series data sheet: 128-bit LPDDR5, 68 GB/s"),
        Sourced.Assumed(2 << 20, "the GPU's L2 cache, a few MB on Ampere GPUs of this size"),
        Sourced.Assumed(200e9, "L2 bandwidth of a small Ampere GPU, about 3x its DRAM bandwidth"),
        Sourced.Assumed(5e-6, "one CUDA kernel launch per node, a few microseconds on Jetson-class SoCs"),
        new(0, "a GPU kernel starts on every SM at once: no fork beyond the launch"),
        null,
        EnergyReferences.Fp32Mac,
        EnergyReferences.Int8Mac,
        EnergyReferences.DramByte,
        new ClassEfficiency(
            Sourced.Assumed(0.6, "library GEMM/convolution kernels reach well above half of the CUDA-core peak on large layers"),
            Sourced.Assumed(64, "GPU tiles are large (64-128 wide): short reductions leave most of a tile's time to loads and stores"),
            Sourced.Assumed(32, "few output channels leave warps of a 64-128 row tile idle"),
            Sourced.Assumed(0.05, "a batch-1 fully connected layer reads each weight once: bound by memory, not arithmetic"),
            Sourced.Assumed(0.05, "pooling reads small windows through the cache hierarchy, memory-bound"),
            Sourced.Assumed(0.05, "elementwise kernels do one operation per element loaded: memory-bound")),
        Measured: false);

    /// <summary>Zynq UltraScale+ XCZU7EV (ZCU104 board): 1728 DSP48E2 slices at an HLS clock of 300 MHz, 64-bit DDR4.</summary>
    public static TargetDescriptor ZynqUltraScale() => new(
        "Zynq UltraScale+ ZU7EV (FPGA)",
        "AMD Zynq UltraScale+ MPSoC XCZU7EV (ZCU104 board): 1728 DSP48E2 slices, HLS design at 300 MHz, PS DDR4",
        new(1, "one dataflow design occupying the DSP slices (a single compute array)"),
        new(1, "one compute array"),
        new(207e9, "Zynq UltraScale+ MPSoC product selection guide: XCZU7EV 1728 DSP slices; Floating-Point Operator (PG060): fp32 multiply 3 DSP + add 2 DSP = 5 per MAC; at 300 MHz (assumed HLS clock): 1728 / 5 x 2 FLOP x 300 MHz"),
        new(2.07e12, "AMD/Xilinx WP486 \"Deep Learning with INT8 Optimization on Xilinx Devices\": 2 int8 MACs per DSP48E2; 1728 x 2 x 2 op x 300 MHz"),
        new(19.2e9, "ZCU104 board user guide (UG1267): 64-bit PS DDR4; at 2400 MT/s x 8 bytes"),
        new(4.75 * (1 << 20), "Zynq UltraScale+ MPSoC product selection guide: XCZU7EV 11 Mb block RAM + 27 Mb UltraRAM = 38 Mb"),
        Sourced.Assumed(100e9, "on-chip RAM ports read in parallel by a dataflow design: far above DDR"),
        Sourced.Assumed(2e-6, "each layer starts after the previous one drains: pipeline fill and a DMA descriptor, about 600 cycles at 300 MHz"),
        new(0, "no thread team: the array is always fully used"),
        null,
        EnergyReferences.Fp32Mac,
        EnergyReferences.Int8Mac,
        EnergyReferences.DramByte,
        new ClassEfficiency(
            Sourced.Assumed(0.8, "an HLS dataflow layer keeps its DSPs busy every cycle once its pipeline is full"),
            Sourced.Assumed(4, "pipelined reductions pay only the pipeline depth per output"),
            Sourced.Assumed(4, "unrolled output channels idle when a layer has fewer than the unroll factor"),
            Sourced.Assumed(0.5, "streaming weights at DDR bandwidth keeps half the multipliers busy"),
            Sourced.Assumed(0.5, "line buffers give a pooling window every cycle"),
            Sourced.Assumed(0.5, "one element per cycle per lane, half the lanes of a MAC array")),
        Measured: false);

    /// <summary>
    /// The efficiencies of CPU targets without measurements: of the order the build-machine probe measures for the
    /// exporter's own kernels on x86-64 (register-tiled convolution near its FMA peak on long reductions, scalar
    /// pooling and dot-product paths at a few percent of it).
    /// </summary>
    private static ClassEfficiency CpuEfficiency() => new(
        Sourced.Assumed(0.7, "a register-tiled GEMM reaches 70-90% of the FMA peak on large layers; 0.7 leaves room for packing"),
        Sourced.Assumed(16, "a register tile's loads and stores cost about 16 reduction steps"),
        Sourced.Assumed(8, "packing an input column costs about 8 multiply-adds, shared by the output rows"),
        Sourced.Assumed(0.05, "dot products of a batch-1 fully connected layer: one vector accumulator, latency-bound"),
        Sourced.Assumed(0.02, "generic pooling loops: indexed scalar reads with bounds checks"),
        Sourced.Assumed(0.1, "elementwise loops vectorize at the portable width, one operation per element loaded"));
}
