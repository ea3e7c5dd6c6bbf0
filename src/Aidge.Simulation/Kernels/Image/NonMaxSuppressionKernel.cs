using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Image;

/// <summary>
/// NonMaxSuppression: per batch and class, boxes scoring above score_threshold are taken greedily by
/// decreasing score (ties: lower index first), and each taken box suppresses the remaining ones whose IoU
/// with it exceeds iou_threshold, up to max_output_boxes_per_class. IoU is computed in float32 as in the
/// reference runtime so boundary cases agree.
/// </summary>
[Kernel("NonMaxSuppression", SinceVersion = 10)]
public sealed class NonMaxSuppressionKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var boxes = context.Input(0);
        var scores = context.Input(1);
        if (boxes.Type != DataType.Float || scores.Type != DataType.Float || boxes.Rank != 3 || boxes.Dims[2] != 4 || scores.Rank != 3)
        {
            throw new ArgumentException("NonMaxSuppression needs float boxes [batch, boxes, 4] and scores [batch, classes, boxes].");
        }
        long maxPerClass = context.OptionalInput(2) is { Length: > 0 } max ? max.GetInt64(0) : 0;
        float iouThreshold = context.OptionalInput(3) is { Length: > 0 } iou ? (float)iou.GetDouble(0) : 0f;
        float? scoreThreshold = context.OptionalInput(4) is { Length: > 0 } threshold ? (float)threshold.GetDouble(0) : null;
        bool centered = context.GetInt("center_point_box") != 0;
        int batches = (int)boxes.Dims[0], count = (int)boxes.Dims[1], classes = (int)scores.Dims[1];
        if (scores.Dims[0] != batches || scores.Dims[2] != count)
        {
            throw new ArgumentException("boxes and scores disagree on the batch size or the number of boxes.");
        }
        var corners = Corners(boxes.Span<float>(), centered);
        ReadOnlySpan<float> allScores = scores.Span<float>();
        var selected = new List<long>();
        for (int b = 0; b < batches && maxPerClass > 0; b++)
        {
            var batchBoxes = corners.AsSpan(b * count * 4, count * 4);
            for (int c = 0; c < classes; c++)
            {
                var classScores = allScores.Slice((b * classes + c) * count, count);
                foreach (int box in SelectClass(batchBoxes, classScores, maxPerClass, iouThreshold, scoreThreshold))
                {
                    selected.AddRange([b, c, box]);
                }
            }
        }
        context.SetOutput(0, Tensor.FromSpan<long>(DataType.Int64, [selected.Count / 3, 3], selected.ToArray()));
    }

    private static List<int> SelectClass(ReadOnlySpan<float> boxes, ReadOnlySpan<float> scores, long maxOutput, float iouThreshold, float? scoreThreshold)
    {
        var candidates = new List<int>();
        for (int i = 0; i < scores.Length; i++)
        {
            if (scoreThreshold is not float threshold || scores[i] > threshold)
            {
                candidates.Add(i);
            }
        }
        // Descending score; among equal scores the lower index comes first.
        var keys = scores.ToArray();
        candidates.Sort((i, j) => keys[j] != keys[i] ? keys[j].CompareTo(keys[i]) : i.CompareTo(j));
        var kept = new List<int>();
        foreach (int candidate in candidates)
        {
            if (kept.Count >= maxOutput)
            {
                break;
            }
            bool suppressed = false;
            foreach (int other in kept)
            {
                if (Overlaps(boxes.Slice(candidate * 4, 4), boxes.Slice(other * 4, 4), iouThreshold))
                {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }
        return kept;
    }

    /// <summary>Boxes as [y1, x1, y2, x2] with y1 ≤ y2 and x1 ≤ x2, from either box format.</summary>
    private static float[] Corners(ReadOnlySpan<float> boxes, bool centered)
    {
        var result = new float[boxes.Length];
        for (int i = 0; i < boxes.Length; i += 4)
        {
            if (centered)
            {
                // [x_center, y_center, width, height]
                float halfWidth = boxes[i + 2] / 2, halfHeight = boxes[i + 3] / 2;
                (result[i], result[i + 1], result[i + 2], result[i + 3]) =
                    (boxes[i + 1] - halfHeight, boxes[i] - halfWidth, boxes[i + 1] + halfHeight, boxes[i] + halfWidth);
            }
            else
            {
                (result[i], result[i + 2]) = (Math.Min(boxes[i], boxes[i + 2]), Math.Max(boxes[i], boxes[i + 2]));
                (result[i + 1], result[i + 3]) = (Math.Min(boxes[i + 1], boxes[i + 3]), Math.Max(boxes[i + 1], boxes[i + 3]));
            }
        }
        return result;
    }

    private static bool Overlaps(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float threshold)
    {
        float height = Math.Min(a[2], b[2]) - Math.Max(a[0], b[0]);
        float width = Math.Min(a[3], b[3]) - Math.Max(a[1], b[1]);
        if (height <= 0 || width <= 0)
        {
            return false;
        }
        float intersection = height * width;
        float areaA = (a[2] - a[0]) * (a[3] - a[1]);
        float areaB = (b[2] - b[0]) * (b[3] - b[1]);
        float union = areaA + areaB - intersection;
        return areaA > 0 && areaB > 0 && union > 0 && intersection / union > threshold;
    }
}
