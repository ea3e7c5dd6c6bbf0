using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>
/// The geometry of ConvTranspose along its spatial axes: output sizes and the pads they imply, from explicit pads,
/// auto_pad, or an explicit output_shape (which overrides pads), as the operator's equations state.
/// </summary>
public sealed class TransposedWindow
{
    private readonly long[] pads;
    private readonly long[] outputPadding;
    private readonly long[]? outputShape;
    private readonly string autoPad;

    private TransposedWindow(long[] kernel, long[] strides, long[] dilations, long[] pads, long[] outputPadding, long[]? outputShape, string autoPad)
    {
        Kernel = kernel;
        Strides = strides;
        Dilations = dilations;
        this.pads = pads;
        this.outputPadding = outputPadding;
        this.outputShape = outputShape;
        this.autoPad = autoPad;
    }

    public long[] Kernel { get; }

    public long[] Strides { get; }

    public long[] Dilations { get; }

    public int Rank => Kernel.Length;

    public static TransposedWindow FromNode(Node node, long[] kernel)
    {
        int rank = kernel.Length;
        long[]? outputShape = node.GetInts("output_shape");
        if (outputShape is not null && outputShape.Length == rank + 2)
        {
            // Some exporters write the full output shape; its spatial part is what matters.
            outputShape = outputShape[2..];
        }
        var window = new TransposedWindow(
            kernel,
            node.GetInts("strides") ?? Enumerable.Repeat(1L, rank).ToArray(),
            node.GetInts("dilations") ?? Enumerable.Repeat(1L, rank).ToArray(),
            node.GetInts("pads") ?? new long[2 * rank],
            node.GetInts("output_padding") ?? new long[rank],
            outputShape,
            node.GetString("auto_pad", "NOTSET"));
        if (window.Strides.Length != rank || window.Dilations.Length != rank || window.pads.Length != 2 * rank
            || window.outputPadding.Length != rank || outputShape is not null && outputShape.Length != rank)
        {
            throw new ArgumentException($"strides, dilations, pads, output_padding and output_shape must match the {rank}-D kernel.");
        }
        if (kernel.Any(k => k <= 0) || window.Strides.Any(s => s <= 0) || window.Dilations.Any(d => d <= 0))
        {
            throw new ArgumentException("Kernel sizes, strides and dilations must be positive.");
        }
        return window;
    }

    /// <summary>Output size and begin/end pads along spatial axis i for an input of that size.</summary>
    public (long Output, long PadBegin, long PadEnd) Resolve(int i, long input)
    {
        long full = Strides[i] * (input - 1) + outputPadding[i] + (Kernel[i] - 1) * Dilations[i] + 1;
        long output;
        if (outputShape is not null)
        {
            output = outputShape[i];
        }
        else if (autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            output = input * Strides[i];
        }
        else if (autoPad == "VALID")
        {
            return (full, 0, 0);
        }
        else
        {
            long explicitOutput = full - pads[i] - pads[i + Rank];
            return explicitOutput > 0 ? (explicitOutput, pads[i], pads[i + Rank]) : throw new ArgumentException($"ConvTranspose output along axis {i} would be empty.");
        }
        long total = full - output;
        // Floor division (as the reference implementation's): an output_shape larger than the full result makes the
        // total negative, and the missing rows must come out at the end as zeros.
        long half = total >> 1;
        // The operator's equations: SAME_UPPER puts the odd unit at the end, everything else at the begin.
        return autoPad == "SAME_UPPER" ? (output, half, total - half) : (output, total - half, half);
    }

    public IEnumerable<Dim> OutputDims(IEnumerable<Dim> input) =>
        input.Select((d, i) => d.IsKnown ? Dim.Of(Resolve(i, d.Value!.Value).Output) : outputShape is not null ? Dim.Of(outputShape[i]) : Dim.Unknown);
}
