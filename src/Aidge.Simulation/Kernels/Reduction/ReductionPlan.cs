namespace Aidge.Simulation.Kernels.Reduction;

/// <summary>
/// How to walk a row-major tensor when reducing some of its axes: the axes are coalesced into alternating
/// groups of kept and reduced axes (size-1 axes dropped), and the input is visited as contiguous runs along
/// the innermost group. A run either folds into one output element (innermost group reduced) or combines
/// elementwise with a contiguous slice of the output (innermost group kept), so the inner loops are span
/// operations instead of per-element index arithmetic.
/// </summary>
public sealed class ReductionPlan
{
    private readonly int[] outerSizes;
    private readonly int[] outerInputStrides;
    private readonly int[] outerOutputStrides;

    public ReductionPlan(ReadOnlySpan<long> dims, bool[] reduced)
    {
        var groups = new List<(long Size, bool Reduced)>();
        long inputLength = 1;
        long reducedCount = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            inputLength *= dims[i];
            if (reduced[i])
            {
                reducedCount *= dims[i];
            }
            if (dims[i] == 1)
            {
                continue;
            }
            if (groups.Count > 0 && groups[^1].Reduced == reduced[i])
            {
                groups[^1] = (groups[^1].Size * dims[i], reduced[i]);
            }
            else
            {
                groups.Add((dims[i], reduced[i]));
            }
        }
        InputLength = checked((int)inputLength);
        ReducedCount = reducedCount;
        if (groups.Count == 0)
        {
            groups.Add((1, true));
        }
        var inner = groups[^1];
        RunLength = checked((int)inner.Size);
        InnerReduced = inner.Reduced;
        int outer = groups.Count - 1;
        outerSizes = new int[outer];
        outerInputStrides = new int[outer];
        outerOutputStrides = new int[outer];
        long inputStride = inner.Size;
        long outputStride = inner.Reduced ? 1 : inner.Size;
        for (int g = outer - 1; g >= 0; g--)
        {
            outerSizes[g] = checked((int)groups[g].Size);
            outerInputStrides[g] = checked((int)inputStride);
            outerOutputStrides[g] = groups[g].Reduced ? 0 : checked((int)outputStride);
            inputStride *= groups[g].Size;
            outputStride *= groups[g].Reduced ? 1 : groups[g].Size;
        }
        RunCount = InputLength == 0 ? 0 : InputLength / RunLength;
    }

    /// <summary>Elements of the input.</summary>
    public int InputLength { get; }

    /// <summary>How many input elements fold into each output element (0 for an empty reduction).</summary>
    public long ReducedCount { get; }

    /// <summary>Contiguous input elements per run.</summary>
    public int RunLength { get; }

    /// <summary>True when a run folds into one output element; false when it maps onto RunLength output elements.</summary>
    public bool InnerReduced { get; }

    public int RunCount { get; }

    /// <summary>Where run <paramref name="run"/> starts in the input and in the output.</summary>
    public (int Input, int Output) RunStart(int run)
    {
        int input = 0;
        int output = 0;
        for (int g = outerSizes.Length - 1; g >= 0; g--)
        {
            int index = run % outerSizes[g];
            run /= outerSizes[g];
            input += index * outerInputStrides[g];
            output += index * outerOutputStrides[g];
        }
        return (input, output);
    }

    /// <summary>Folds the input into the output, which the caller has filled with the operator's identity.</summary>
    public void Accumulate<T, TOperator>(ReadOnlySpan<T> input, Span<T> output)
        where TOperator : IReductionOperator<T>
    {
        for (int run = 0; run < RunCount; run++)
        {
            var (i, o) = RunStart(run);
            var slice = input.Slice(i, RunLength);
            if (InnerReduced)
            {
                output[o] = TOperator.Combine(output[o], TOperator.Reduce(slice));
            }
            else
            {
                var target = output.Slice(o, RunLength);
                TOperator.Combine(target, slice, target);
            }
        }
    }

    /// <summary>The inverse walk: spreads each output element back over the input positions that fold into it.</summary>
    public void Expand<T>(ReadOnlySpan<T> reduced, Span<T> destination)
    {
        for (int run = 0; run < RunCount; run++)
        {
            var (i, o) = RunStart(run);
            if (InnerReduced)
            {
                destination.Slice(i, RunLength).Fill(reduced[o]);
            }
            else
            {
                reduced.Slice(o, RunLength).CopyTo(destination.Slice(i, RunLength));
            }
        }
    }
}
