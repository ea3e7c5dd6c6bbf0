using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Image;

/// <summary>
/// What a Resize or Upsample node samples, per axis: its settings, the output dims, and the taps of every resized axis
/// (null where the axis is copied unchanged). Shared by the simulator and the exporters, so both read scales, sizes,
/// roi and axes the same way.
/// </summary>
public sealed record ResizeSampling(ResizeSettings Settings, long[] OutputDims, ResamplingTaps?[] Taps)
{
    /// <param name="input">The node's input tensors by index (null when absent or not known).</param>
    public static ResizeSampling Plan(Node node, OpSchema? schema, int opsetVersion, long[] inputDims, Func<int, Tensor?> input)
    {
        var settings = ResizeSettings.From(node, schema, opsetVersion);
        int rank = inputDims.Length;
        var axes = Resize.ResizeAxes(node, rank);
        bool modern = node.OpType == "Resize" && opsetVersion >= 11;
        var scales = node.OpType == "Upsample" && opsetVersion < 9 ? node.GetFloats("scales") : Resize.ToFloats(modern ? input(2) : input(1));
        var sizes = modern ? input(3)?.ToInt64Array() : null;
        scales = scales is { Length: > 0 } ? scales : null;
        sizes = scales is null && sizes is { Length: > 0 } ? sizes : null;
        string policy = node.GetString("keep_aspect_ratio_policy", "stretch");
        var geometry = ResizeGeometry.Compute(inputDims, axes, scales, sizes, policy);
        var roi = Roi(modern ? input(1) : null, axes, rank);
        var taps = new ResamplingTaps?[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            int inputLength = (int)inputDims[axis];
            int outputLength = (int)geometry.OutputDims[axis];
            bool identity = inputLength == outputLength && geometry.Scales[axis] == 1 && settings.CoordinateMode != "tf_crop_and_resize";
            taps[axis] = identity ? null
                : ResamplingTaps.Build(settings, inputLength, outputLength, geometry.Scales[axis], roi[axis].Start, roi[axis].End, singlePrecision: scales is not null);
        }
        return new ResizeSampling(settings, geometry.OutputDims, taps);
    }

    /// <summary>The (start, end) region of interest per axis in normalized coordinates; (0, 1) when none is given.</summary>
    private static (double Start, double End)[] Roi(Tensor? roi, int[] axes, int rank)
    {
        var result = Enumerable.Repeat((0.0, 1.0), rank).ToArray();
        if (roi is null || roi.Length == 0)
        {
            return result;
        }
        if (roi.Length != 2 * axes.Length)
        {
            throw new ArgumentException($"roi needs {2 * axes.Length} values, got {roi.Length}.");
        }
        for (int i = 0; i < axes.Length; i++)
        {
            result[axes[i]] = (roi.GetDouble(i), roi.GetDouble(axes.Length + i));
        }
        return result;
    }
}
