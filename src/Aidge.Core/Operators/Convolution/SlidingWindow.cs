using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>
/// The geometry of a window sliding over the spatial axes of an N×C×D1×…×Dn tensor, shared by Conv, the
/// pooling operators and their kernels: kernel, strides, dilations, and the pads that auto_pad resolves to.
/// </summary>
public sealed class SlidingWindow
{
    private SlidingWindow(long[] kernel, long[] strides, long[] dilations, long[] pads, string autoPad, bool ceilMode)
    {
        Kernel = kernel;
        Strides = strides;
        Dilations = dilations;
        Pads = pads;
        AutoPad = autoPad;
        CeilMode = ceilMode;
    }

    public long[] Kernel { get; }

    public long[] Strides { get; }

    public long[] Dilations { get; }

    /// <summary>Explicit pads as the attribute gives them: all begins, then all ends (ignored unless auto_pad is NOTSET).</summary>
    public long[] Pads { get; }

    public string AutoPad { get; }

    public bool CeilMode { get; }

    public int Rank => Kernel.Length;

    /// <summary>Reads the window attributes of a node whose kernel size is <paramref name="kernel"/> (from kernel_shape or the weights).</summary>
    public static SlidingWindow FromNode(Node node, long[] kernel)
    {
        int rank = kernel.Length;
        var window = new SlidingWindow(
            kernel,
            node.GetInts("strides") ?? Filled(rank, 1),
            node.GetInts("dilations") ?? Filled(rank, 1),
            node.GetInts("pads") ?? Filled(2 * rank, 0),
            node.GetString("auto_pad", "NOTSET"),
            node.GetInt("ceil_mode", 0) != 0);
        window.Validate();
        return window;
    }

    /// <summary>The effective extent of the kernel along axis i once dilated.</summary>
    public long DilatedKernel(int i) => (Kernel[i] - 1) * Dilations[i] + 1;

    /// <summary>Output size and resolved begin/end pads along spatial axis i for an input of that size.</summary>
    public (long Output, long PadBegin, long PadEnd) Resolve(int i, long input)
    {
        long extent = DilatedKernel(i);
        long stride = Strides[i];
        switch (AutoPad)
        {
            case "SAME_UPPER" or "SAME_LOWER":
            {
                long output = (input + stride - 1) / stride;
                long total = Math.Max(0, (output - 1) * stride + extent - input);
                long smaller = total / 2;
                return AutoPad == "SAME_UPPER" ? (output, smaller, total - smaller) : (output, total - smaller, smaller);
            }
            case "VALID":
                return (CheckedOutput(Divide(input - extent, stride), i), 0, 0);
            case "NOTSET" or "":
            {
                long padBegin = Pads[i];
                long padEnd = Pads[i + Rank];
                long span = input + padBegin + padEnd - extent;
                long output = Divide(span, stride);
                // With ceil_mode, a last window that would start beyond the input and its begin padding is dropped.
                if (CeilMode && output > 0 && (output - 1) * stride >= input + padBegin)
                {
                    output--;
                }
                return (CheckedOutput(output, i), padBegin, padEnd);
            }
            default:
                throw new ArgumentException($"Unknown auto_pad '{AutoPad}'.");
        }
    }

    /// <summary>Output spatial dims for known input dims.</summary>
    public long[] OutputDims(ReadOnlySpan<long> input)
    {
        var output = new long[Rank];
        for (int i = 0; i < Rank; i++)
        {
            output[i] = Resolve(i, input[i]).Output;
        }
        return output;
    }

    /// <summary>Output spatial dims for a partially known shape: each unknown input dim gives an unknown output dim.</summary>
    public IEnumerable<Dim> OutputDims(IEnumerable<Dim> input) =>
        input.Select((d, i) => d.IsKnown ? Dim.Of(Resolve(i, d.Value!.Value).Output) : Dim.Unknown);

    private long Divide(long span, long stride)
    {
        if (span < 0)
        {
            return 0;
        }
        return (CeilMode ? (span + stride - 1) / stride : span / stride) + 1;
    }

    private long CheckedOutput(long output, int i) =>
        output > 0 ? output : throw new ArgumentException($"The window (extent {DilatedKernel(i)}) does not fit spatial axis {i}.");

    private void Validate()
    {
        if (Strides.Length != Rank || Dilations.Length != Rank || Pads.Length != 2 * Rank)
        {
            throw new ArgumentException($"strides, dilations and pads must have {Rank}, {Rank} and {2 * Rank} values for a {Rank}-D kernel.");
        }
        if (Kernel.Any(k => k <= 0) || Strides.Any(s => s <= 0) || Dilations.Any(d => d <= 0) || Pads.Any(p => p < 0))
        {
            throw new ArgumentException("Kernel sizes, strides and dilations must be positive and pads non-negative.");
        }
    }

    private static long[] Filled(int count, long value)
    {
        var result = new long[count];
        Array.Fill(result, value);
        return result;
    }
}
