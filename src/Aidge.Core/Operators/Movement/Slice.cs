using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>Slice: starts/ends/axes as attributes before opset 10; from 10 inputs, with steps (negative steps walk backwards).</summary>
public sealed class SliceFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Slice", 1).Until(9).Inputs(1).Outputs(1)
            .RequiredAttr("starts", AttributeKind.Ints)
            .RequiredAttr("ends", AttributeKind.Ints)
            .Attr("axes", AttributeKind.Ints)
            .Infer(Infer);
        registry.Add("Slice", 10).Inputs(3, 5).Outputs(1).Infer(Infer);
    }

    /// <summary>One axis of a slice after ONNX's rules: negative bounds count from the end, then clamp for the step's direction.</summary>
    public static (long Start, long Count) Resolve(long dim, long start, long end, long step)
    {
        if (step == 0)
        {
            throw new ArgumentException("Slice step is 0.");
        }
        start = start < 0 ? start + dim : start;
        end = end < 0 ? end + dim : end;
        if (step > 0)
        {
            start = Math.Clamp(start, 0, dim);
            end = Math.Clamp(end, 0, dim);
            return (start, end > start ? (end - start + step - 1) / step : 0);
        }
        start = Math.Clamp(start, 0, dim - 1);
        end = Math.Clamp(end, -1, dim - 1);
        return (start, start > end ? (start - end - step - 1) / -step : 0);
    }

    /// <summary>Starts, ends, axes (null: the first axes in order) and steps (null: all 1) of a node; null parts are unknown.</summary>
    public sealed record Parameters(long[]? Starts, long[]? Ends, long[]? Axes, long[]? Steps, bool AxesUnknown, bool StepsUnknown);

    public static Parameters Read(InferenceContext context)
    {
        if (context.OpsetVersion < 10)
        {
            return new Parameters(context.GetInts("starts"), context.GetInts("ends"), context.GetInts("axes"), null, false, false);
        }
        var axes = context.HasInput(3) ? context.ConstantInts(3) : null;
        var steps = context.HasInput(4) ? context.ConstantInts(4) : null;
        return new Parameters(context.ConstantInts(1), context.ConstantInts(2), axes, steps,
            context.HasInput(3) && axes is null, context.HasInput(4) && steps is null);
    }

    private static void Infer(InferenceContext context)
    {
        var element = context.InputElementType(0);
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, element, null);
            return;
        }
        var p = Read(context);
        if (p.AxesUnknown)
        {
            context.SetOutput(0, element, Shape.OfRank(input.Rank));
            return;
        }
        int count = p.Starts?.Length ?? p.Ends?.Length ?? p.Axes?.Length ?? context.StaticLength(1) ?? -1;
        if (count < 0)
        {
            context.SetOutput(0, element, Shape.OfRank(input.Rank));
            return;
        }
        var axes = (p.Axes ?? Enumerable.Range(0, count).Select(i => (long)i).ToArray()).Select(a => ShapeMath.NormalizeAxis(a, input.Rank)).ToArray();
        var dims = Enumerable.ToArray(input);
        var starts = new long[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            dims[axes[i]] = SliceDim(input[axes[i]], p.Starts?[i], p.Ends?[i], p.StepsUnknown ? null : p.Steps?[i] ?? 1, out starts[i]);
        }
        var output = new Shape(dims);
        context.SetOutput(0, element, output);
        if (input.Rank == 1 && output.IsStatic && p.Steps is null && !p.StepsUnknown && SmallIntegers.Values(context, 0) is { } values)
        {
            context.SetConstantOutput(0, SmallIntegers.Create(element, values.Skip((int)starts[0]).Take((int)output[0].Value!.Value).ToArray()));
        }
    }

    private static Dim SliceDim(Dim dim, long? start, long? end, long? step, out long first)
    {
        first = 0;
        if (start is not long s || end is not long e || step is not long t)
        {
            return Dim.Unknown;
        }
        if (dim.Value is long size)
        {
            (first, long count) = Resolve(size, s, e, t);
            return count;
        }
        // A slice that keeps a whole axis of unknown length ([0:INT_MAX]) keeps the dim, symbol included.
        return s == 0 && e >= int.MaxValue && t == 1 ? dim : Dim.Unknown;
    }
}
