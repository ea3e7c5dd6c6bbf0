namespace Aidge.Core.Operators.Elementwise;

/// <summary>
/// Unary operators without attributes whose output has the input's type and shape: math functions, rounding,
/// logical and bitwise negation, and the parameterless activations. Versions after the first only widened the
/// accepted element types (or dropped the unused <c>consumed_inputs</c>), so one schema covers each operator.
/// </summary>
public sealed class UnaryMath : IOperatorFamily
{
    private static readonly (string OpType, int Since)[] Operators =
    [
        ("Abs", 1), ("Neg", 1), ("Sign", 9), ("Reciprocal", 1), ("Sqrt", 1), ("Exp", 1), ("Log", 1), ("Erf", 9),
        ("Ceil", 1), ("Floor", 1), ("Round", 11),
        ("Sin", 7), ("Cos", 7), ("Tan", 7), ("Asin", 7), ("Acos", 7), ("Atan", 7),
        ("Sinh", 9), ("Cosh", 9), ("Tanh", 1), ("Asinh", 9), ("Acosh", 9), ("Atanh", 9),
        ("Not", 1), ("BitwiseNot", 18),
        ("Relu", 1), ("Sigmoid", 1), ("Softplus", 1), ("Softsign", 1), ("HardSwish", 14), ("Mish", 18),
    ];

    /// <summary>The ones that shape arithmetic uses, folded on small constant integer vectors.</summary>
    private static readonly Dictionary<string, Func<long[], long?>> Folds = new()
    {
        ["Abs"] = v => v[0] < 0 ? -v[0] : v[0],
        ["Neg"] = v => -v[0],
    };

    public void Register(OperatorRegistry registry)
    {
        foreach (var (opType, since) in Operators)
        {
            registry.Add(opType, since).Inputs(1).Outputs(1).Infer(Folds.TryGetValue(opType, out var fold)
                ? IntegerFolding.Integers(ElementwiseInference.SameAsInput, fold)
                : ElementwiseInference.SameAsInput);
        }
    }
}
