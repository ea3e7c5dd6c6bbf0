using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Generators;

/// <summary>Range: start, start + delta, ... up to (excluding) limit; all three are scalar inputs of one type.</summary>
public sealed class RangeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Range", 11).Inputs(3).Outputs(1).Infer(context =>
        {
            Dim length = Dim.Unknown;
            if (context.ConstantInput(0) is { } start && context.ConstantInput(1) is { } limit && context.ConstantInput(2) is { } delta)
            {
                length = Length(start, limit, delta);
            }
            context.SetOutput(0, context.InputElementType(0), new Shape(new[] { length }));
        });

    /// <summary>max(ceil((limit - start) / delta), 0), exactly for integer types.</summary>
    public static long Length(Tensor start, Tensor limit, Tensor delta)
    {
        if (start.Type.IsInteger())
        {
            long first = start.GetInt64(0);
            long step = delta.GetInt64(0);
            if (step == 0)
            {
                throw new ArgumentException("Range delta is 0.");
            }
            long span = limit.GetInt64(0) - first;
            long count = span / step + (span % step != 0 && (span < 0) == (step < 0) ? 1 : 0);
            return Math.Max(count, 0);
        }
        double length = Math.Ceiling((limit.GetDouble(0) - start.GetDouble(0)) / delta.GetDouble(0));
        return double.IsNaN(length) || length <= 0 ? 0
            : length < Tensor.MaxBytes ? (long)length : throw new ArgumentException($"Range would produce {length} elements.");
    }
}
