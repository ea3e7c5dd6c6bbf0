using Aidge.Core.Operators;

namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// How several inputs map onto the output they broadcast to (numpy rules), as a list of rows: in each row every
/// input either advances with the output (row stride 1) or repeats one element (row stride 0). Adjacent dims in
/// which every input behaves alike are merged first, so <c>[3,4,5] + [5]</c> is 12 rows of 5 and
/// <c>[3,4,5] + [1]</c> one row of 60; loops then hand whole rows to vectorized span operations.
/// </summary>
public sealed class BroadcastPlan
{
    private readonly int[] outerDims;
    private readonly int[][] outerStrides;
    private readonly int[] rowStrides;

    private BroadcastPlan(long[] outputDims, int[] outerDims, int[][] outerStrides, int rowLength, int[] rowStrides, bool sameShapes)
    {
        OutputDims = outputDims;
        OutputLength = checked((int)Core.Tensors.Tensor.ElementCountOf(outputDims));
        this.outerDims = outerDims;
        this.outerStrides = outerStrides;
        RowLength = rowLength;
        this.rowStrides = rowStrides;
        RowCount = OutputLength == 0 ? 0 : OutputLength / rowLength;
        IsElementwise = sameShapes;
    }

    public long[] OutputDims { get; }

    public int OutputLength { get; }

    public int InputCount => rowStrides.Length;

    /// <summary>Elements per row (the merged innermost dim).</summary>
    public int RowLength { get; }

    public int RowCount { get; }

    /// <summary>True when no input is broadcast: every input lines up element for element with the output.</summary>
    public bool IsElementwise { get; }

    /// <summary>1 when input advances along a row, 0 when it repeats one element.</summary>
    public int RowStride(int input) => rowStrides[input];

    /// <summary>The plan for inputs broadcast multidirectionally; throws <see cref="ArgumentException"/> when they are incompatible.</summary>
    public static BroadcastPlan Create(params long[][] inputDims) => ToShape(ShapeMath.Broadcast(inputDims), inputDims);

    /// <summary>The plan for inputs broadcast to a given output (unidirectional broadcasting, e.g. PRelu's slope).</summary>
    public static BroadcastPlan ToShape(long[] outputDims, params long[][] inputDims)
    {
        int rank = outputDims.Length;
        int inputs = inputDims.Length;
        long outputLength = Core.Tensors.Tensor.ElementCountOf(outputDims);
        bool sameShapes = true;
        foreach (var dims in inputDims)
        {
            CheckBroadcastable(dims, outputDims);
            sameShapes &= Core.Tensors.Tensor.ElementCountOf(dims) == outputLength;
        }

        // Merge runs of dims in which each input is either present in all or broadcast in all.
        var merged = new List<long>(rank);
        var present = new List<bool[]>(rank);
        for (int axis = 0; axis < rank; axis++)
        {
            if (outputDims[axis] == 1)
            {
                continue;
            }
            var kinds = new bool[inputs];
            for (int k = 0; k < inputs; k++)
            {
                int j = axis - (rank - inputDims[k].Length);
                kinds[k] = j >= 0 && inputDims[k][j] != 1;
            }
            if (merged.Count > 0 && kinds.AsSpan().SequenceEqual(present[^1]))
            {
                merged[^1] *= outputDims[axis];
            }
            else
            {
                merged.Add(outputDims[axis]);
                present.Add(kinds);
            }
        }
        if (merged.Count == 0)
        {
            merged.Add(1);
            present.Add(Enumerable.Repeat(true, inputs).ToArray());
        }

        int collapsedRank = merged.Count;
        var strides = new int[inputs][];
        for (int k = 0; k < inputs; k++)
        {
            strides[k] = new int[collapsedRank];
            long stride = 1;
            for (int axis = collapsedRank - 1; axis >= 0; axis--)
            {
                if (present[axis][k])
                {
                    strides[k][axis] = (int)stride;
                    stride *= merged[axis];
                }
            }
        }
        var outerDims = merged.Take(collapsedRank - 1).Select(d => (int)d).ToArray();
        var outerStrides = strides.Select(s => s[..^1]).ToArray();
        var rowStrides = strides.Select(s => s[^1]).ToArray();
        return new BroadcastPlan(outputDims, outerDims, outerStrides, (int)merged[^1], rowStrides, sameShapes);
    }

    /// <summary>A cursor at the first row; read each input's offset, then <see cref="RowCursor.Next"/>.</summary>
    public RowCursor Rows() => new(this);

    private static void CheckBroadcastable(long[] dims, long[] outputDims)
    {
        bool fits = dims.Length <= outputDims.Length;
        for (int j = 0; fits && j < dims.Length; j++)
        {
            long target = outputDims[outputDims.Length - dims.Length + j];
            fits = dims[j] == target || dims[j] == 1;
        }
        if (!fits)
        {
            throw new ArgumentException($"Shape [{string.Join(",", dims)}] cannot be broadcast to [{string.Join(",", outputDims)}].");
        }
    }

    /// <summary>Walks the rows of a plan in output order, keeping each input's element offset.</summary>
    public sealed class RowCursor
    {
        private readonly BroadcastPlan plan;
        private readonly int[] offsets;
        private readonly int[] counters;

        internal RowCursor(BroadcastPlan plan)
        {
            this.plan = plan;
            offsets = new int[plan.InputCount];
            counters = new int[plan.outerDims.Length];
        }

        /// <summary>Where the current row starts in input k.</summary>
        public int Offset(int input) => offsets[input];

        public void Next()
        {
            for (int axis = counters.Length - 1; axis >= 0; axis--)
            {
                int dim = plan.outerDims[axis];
                if (++counters[axis] < dim)
                {
                    for (int k = 0; k < offsets.Length; k++)
                    {
                        offsets[k] += plan.outerStrides[k][axis];
                    }
                    return;
                }
                counters[axis] = 0;
                for (int k = 0; k < offsets.Length; k++)
                {
                    offsets[k] -= plan.outerStrides[k][axis] * (dim - 1);
                }
            }
        }
    }
}
