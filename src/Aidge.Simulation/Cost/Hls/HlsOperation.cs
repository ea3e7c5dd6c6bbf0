namespace Aidge.Simulation.Cost.Hls;

/// <summary>What a layer computes per term of a reduction, or per element.</summary>
public enum HlsOperation
{
    MultiplyAdd,
    Add,
    Multiply,
    Compare,
    Transcendental,
    Copy,
}

/// <summary>The DSP slices and latencies of one pipelined operator, by its arithmetic (<see cref="HlsConstants"/>).</summary>
public static class HlsOperationCost
{
    /// <summary>DSP slices of one operator instance.</summary>
    public static double Dsp(HlsOperation operation, HlsArithmetic arithmetic)
    {
        bool isFloat = arithmetic.Kind == HlsNumberKind.Float;
        return operation switch
        {
            HlsOperation.MultiplyAdd when isFloat => HlsConstants.Fp32MultiplyDsp.Value + HlsConstants.Fp32AddDsp.Value,
            // Two int8 products share a slice (their accumulation is the slice's post-adder): half a slice per MAC.
            HlsOperation.MultiplyAdd when arithmetic.Width <= 8 => HlsConstants.Int8MacDsp.Value,
            // A fixed or wider integer product: the tiles of 27x18 multipliers it needs; the 48-bit accumulator is free.
            HlsOperation.MultiplyAdd => MultiplierTiles(arithmetic.Width, arithmetic.Width),
            HlsOperation.Multiply when isFloat => HlsConstants.Fp32MultiplyDsp.Value,
            HlsOperation.Multiply => MultiplierTiles(arithmetic.Width, arithmetic.Width),
            HlsOperation.Add when isFloat => HlsConstants.Fp32AddDsp.Value,
            HlsOperation.Transcendental => HlsConstants.TranscendentalDsp.Value,
            // Integer adds, comparisons and copies are LUT logic.
            _ => 0,
        };
    }

    /// <summary>DSP48E2 slices of a signed <paramref name="a"/> x <paramref name="b"/>-bit product: 27x18 multipliers tiled over the operands.</summary>
    public static int MultiplierTiles(int a, int b)
    {
        int wide = Math.Max(a, b);
        int narrow = Math.Min(a, b);
        // The wider operand on the 27-bit input, unless the tiles come out fewer the other way round.
        int straight = Tiles(wide, (int)HlsConstants.DspMultiplierWideInput.Value) * Tiles(narrow, (int)HlsConstants.DspMultiplierNarrowInput.Value);
        int crossed = Tiles(narrow, (int)HlsConstants.DspMultiplierWideInput.Value) * Tiles(wide, (int)HlsConstants.DspMultiplierNarrowInput.Value);
        return Math.Min(straight, crossed);

        static int Tiles(int bits, int input) => Math.Max(1, (bits + input - 1) / input);
    }

    /// <summary>Cycles from an operator's operands to its result.</summary>
    public static int Latency(HlsOperation operation, HlsArithmetic arithmetic)
    {
        bool isFloat = arithmetic.Kind == HlsNumberKind.Float;
        return operation switch
        {
            HlsOperation.MultiplyAdd when isFloat => (int)(HlsConstants.Fp32MultiplyLatency.Value + HlsConstants.Fp32AddLatency.Value),
            HlsOperation.MultiplyAdd or HlsOperation.Multiply when !isFloat => (int)HlsConstants.IntegerMacLatency.Value,
            HlsOperation.Multiply => (int)HlsConstants.Fp32MultiplyLatency.Value,
            HlsOperation.Add when isFloat => (int)HlsConstants.Fp32AddLatency.Value,
            HlsOperation.Transcendental => (int)HlsConstants.TranscendentalLatency.Value,
            _ => 1,
        };
    }

    /// <summary>
    /// Cycles one step of a reduction into the same sum takes before the next may start: a float add's latency (Vitis
    /// HLS keeps the source order of float adds), one cycle for integer and fixed sums (reassociated into a tree) and
    /// for comparisons.
    /// </summary>
    public static int Recurrence(HlsOperation operation, HlsArithmetic arithmetic) =>
        arithmetic.Kind == HlsNumberKind.Float && operation is HlsOperation.MultiplyAdd or HlsOperation.Add
            ? (int)HlsConstants.Fp32AddLatency.Value
            : 1;
}
