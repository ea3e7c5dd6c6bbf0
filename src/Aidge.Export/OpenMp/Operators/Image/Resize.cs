using System.Globalization;
using Aidge.Core.Operators.Image;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Image;

/// <summary>
/// Resize (every mode, coordinate transformation, nearest rounding, cubic coefficient, exclude_outside, antialias and
/// tf_crop_and_resize extrapolation) and Upsample: the taps of each resized axis are computed when exporting, by the
/// same code as the simulator's, and become the helper's tables. scales and roi must be constants; sizes too, except
/// with the stretch policy, where they can only equal the static output dims (shape inference fixed them), so those
/// stand in for a sizes input known only at run time.
/// </summary>
[OpenMpEmitter("Resize", SinceVersion = 10)]
[OpenMpEmitter("Upsample", SinceVersion = 7, LastVersion = 9)]
public sealed class Resize : INodeEmitter
{
    private static readonly string[] ModernInputs = ["X", "roi", "scales", "sizes"];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        var dims = input.Dims.ToArray();
        if (dims.Length > ResizeHelper.MaxRank)
        {
            throw node.Unsupported($"rank {dims.Length} is above the {ResizeHelper.MaxRank} the OpenMP resize handles");
        }
        var sampling = ResizeSampling.Plan(node.Node, node.Schema, node.OpsetVersion, dims, i => Constant(node, i, output));
        node.RequireType(input, sampling.Settings.Mode == "nearest" ? [.. ElementTypeSets.Float, DataType.Int8, DataType.UInt8, DataType.Int16, DataType.UInt16, DataType.Int32, DataType.UInt32] : ElementTypeSets.Float);
        if (!sampling.OutputDims.SequenceEqual(output.Dims))
        {
            throw node.Unsupported($"the sampled size [{string.Join(",", sampling.OutputDims)}] differs from the inferred output [{string.Join(",", output.Dims)}]");
        }
        var inputStrides = TensorLayout.Strides(dims);
        var counts = new long[dims.Length];
        var starts = new long[dims.Length];
        var offsets = new List<long>();
        var weights = new List<double>();
        for (int axis = 0; axis < dims.Length; axis++)
        {
            if (sampling.Taps[axis] is not { } taps)
            {
                continue;
            }
            counts[axis] = taps.TapCount;
            starts[axis] = offsets.Count;
            for (int i = 0; i < taps.Indices.Length; i++)
            {
                bool outside = taps.Outside[i / taps.TapCount];
                offsets.Add(outside ? -1 : taps.Indices[i] * inputStrides[axis]);
                weights.Add(outside ? 0 : taps.Weights[i]);
            }
        }
        yield return new KernelCall(new ResizeHelper(input.Type), new[]
        {
            NodeContext.Threads, input.Read, output.Write, dims.Length.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(output.Dims), CLiteral.Int64Array(inputStrides),
            CLiteral.Int64Array(counts), CLiteral.Int64Array(starts), CLiteral.Int64Array(offsets), DoubleArray(weights), CLiteral.Double(sampling.Settings.ExtrapolationValue),
            CLiteral.Int(output.ElementCount),
        }.ToEquatableArray());
    }

    /// <summary>A constant input the sampling needs (null when absent); a computed one cannot be planned, except stretched sizes.</summary>
    private static Tensor? Constant(NodeContext node, int index, TensorRef output)
    {
        if (index == 0 || !node.HasInput(index))
        {
            return null;
        }
        bool modern = node.Node.OpType == "Resize" && node.OpsetVersion >= 11;
        if (modern && index == 3 && node.ConstantInput(3) is null && Stretched(node))
        {
            var axes = node.GetInts("axes") is { Length: > 0 } listed ? listed.Select(a => a < 0 ? a + output.Rank : a) : Enumerable.Range(0, output.Rank).Select(a => (long)a);
            long[] sizes = axes.Select(a => output.Dims[(int)a]).ToArray();
            return Tensor.FromArray(sizes, sizes.Length);
        }
        return node.RequireConstantInput(index, modern ? ModernInputs[index] : "scales");
    }

    private static bool Stretched(NodeContext node) =>
        node.Schema?.Attributes.ContainsKey("keep_aspect_ratio_policy") != true || node.GetString("keep_aspect_ratio_policy") == "stretch";

    private static string DoubleArray(List<double> values) =>
        $"(const double[]){{{(values.Count == 0 ? "0" : string.Join(", ", values.Select(CLiteral.Double)))}}}";
}
