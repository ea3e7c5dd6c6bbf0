using Aidge.Core.Operators.Einsum;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Reduction;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Einsum;

/// <summary>
/// Einsum: every operand is first brought to distinct labels (diagonals of repeated labels taken, labels used
/// nowhere else summed out), then operands are contracted left to right, each pair as a transpose into
/// [batch, own, contracted] / [batch, contracted, own] and a batched matrix product.
/// </summary>
[Kernel("Einsum", SinceVersion = 12)]
public sealed class EinsumKernel : FloatingPointKernel
{
    /// <summary>An intermediate operand: contiguous data with one distinct label per axis.</summary>
    private sealed record Term<T>(T[] Data, int[] Labels, long[] Dims);

    protected override void Execute<T>(KernelContext context)
    {
        var inputs = Enumerable.Range(0, context.InputCount).Select(context.Input).ToList();
        var equation = EinsumEquation.Parse(context.GetString("equation"), inputs.Select(t => t.Rank).ToList());
        var sizes = LabelSizes(equation, inputs.Select(t => t.Dims).ToList());
        var terms = new List<Term<T>>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var term = Distinct(new Term<T>(ValuesAs<T>(inputs[i]).ToArray(), equation.Operands[i], inputs[i].Dims));
            var usedElsewhere = equation.Operands.Where((_, j) => j != i).SelectMany(l => l).Concat(equation.Output).ToHashSet();
            terms.Add(SumOut(term, usedElsewhere));
        }
        var result = terms[0];
        for (int i = 1; i < terms.Count; i++)
        {
            var needed = equation.Operands.Skip(i + 1).SelectMany(l => l).Concat(equation.Output).ToHashSet();
            result = Contract(result, terms[i], needed, sizes);
        }
        result = SumOut(result, equation.Output.ToHashSet());
        var dims = equation.Output.Select(l => sizes[l]).ToArray();
        var data = StridedGather.Gather<T>(result.Data, dims, StridesFor(result, equation.Output, sizes));
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), dims, data));
    }

    /// <summary>Each label's size; a size of 1 broadcasts against any other.</summary>
    private static Dictionary<int, long> LabelSizes(EinsumEquation equation, List<long[]> dims)
    {
        var sizes = new Dictionary<int, long>();
        for (int i = 0; i < dims.Count; i++)
        {
            for (int axis = 0; axis < dims[i].Length; axis++)
            {
                int label = equation.Operands[i][axis];
                long size = dims[i][axis];
                if (sizes.TryGetValue(label, out long known) && known != size && known != 1 && size != 1)
                {
                    throw new ArgumentException($"Einsum label sizes {known} and {size} disagree.");
                }
                sizes[label] = sizes.TryGetValue(label, out known) && size == 1 ? known : size;
            }
        }
        return sizes;
    }

    /// <summary>Source strides that read <paramref name="term"/> as the given labels (0 where it broadcasts).</summary>
    private static long[] StridesFor<T>(Term<T> term, int[] labels, Dictionary<int, long> sizes)
    {
        var own = Aidge.Core.Operators.ShapeMath.Strides(term.Dims);
        var strides = new long[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            for (int axis = 0; axis < term.Labels.Length; axis++)
            {
                if (term.Labels[axis] == labels[i] && !(term.Dims[axis] == 1 && sizes[labels[i]] != 1))
                {
                    strides[i] += own[axis];
                }
            }
        }
        return strides;
    }

    /// <summary>Takes the diagonal over repeated labels, so every label appears once.</summary>
    private static Term<T> Distinct<T>(Term<T> term)
    {
        var labels = term.Labels.Distinct().ToArray();
        if (labels.Length == term.Labels.Length)
        {
            return term;
        }
        var dims = labels.Select(l => term.Dims[Array.IndexOf(term.Labels, l)]).ToArray();
        var own = Aidge.Core.Operators.ShapeMath.Strides(term.Dims);
        var strides = labels.Select(l => term.Labels.Select((x, axis) => x == l ? own[axis] : 0).Sum()).ToArray();
        return new Term<T>(StridedGather.Gather<T>(term.Data, dims, strides), labels, dims);
    }

    /// <summary>Sums over the labels not in <paramref name="keep"/>.</summary>
    private static Term<T> SumOut<T>(Term<T> term, HashSet<int> keep)
        where T : System.Numerics.INumber<T>
    {
        var reduced = term.Labels.Select(l => !keep.Contains(l)).ToArray();
        if (!reduced.Contains(true))
        {
            return term;
        }
        var plan = new ReductionPlan(term.Dims, reduced);
        var dims = term.Dims.Where((_, axis) => !reduced[axis]).ToArray();
        var data = new T[dims.Aggregate(1L, (n, d) => n * d)];
        plan.Accumulate<T, SumOperator<T>>(term.Data, data);
        return new Term<T>(data, term.Labels.Where((_, axis) => !reduced[axis]).ToArray(), dims);
    }

    private static Term<T> Contract<T>(Term<T> left, Term<T> right, HashSet<int> needed, Dictionary<int, long> sizes)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        var shared = left.Labels.Intersect(right.Labels).ToList();
        var batch = shared.Where(needed.Contains).ToArray();
        var contracted = shared.Where(l => !needed.Contains(l)).ToArray();
        var leftOnly = left.Labels.Except(shared).ToArray();
        var rightOnly = right.Labels.Except(shared).ToArray();
        long Size(IEnumerable<int> labels) => labels.Aggregate(1L, (n, l) => n * sizes[l]);
        int b = (int)Size(batch), m = (int)Size(leftOnly), k = (int)Size(contracted), n = (int)Size(rightOnly);
        int[] leftOrder = [.. batch, .. leftOnly, .. contracted];
        int[] rightOrder = [.. batch, .. contracted, .. rightOnly];
        var a = StridedGather.Gather<T>(left.Data, leftOrder.Select(l => sizes[l]).ToArray(), StridesFor(left, leftOrder, sizes));
        var c = StridedGather.Gather<T>(right.Data, rightOrder.Select(l => sizes[l]).ToArray(), StridesFor(right, rightOrder, sizes));
        var output = new T[b * m * n];
        BatchedMatrixProduct.Multiply<T>(a, c, output, b, m, k, n);
        int[] labels = [.. batch, .. leftOnly, .. rightOnly];
        return new Term<T>(output, labels, labels.Select(l => sizes[l]).ToArray());
    }
}
