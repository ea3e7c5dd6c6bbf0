using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>The arithmetic binary operators against ONNX Runtime, over shape pairs that broadcast every way.</summary>
[TestClass]
public sealed class BroadcastTests
{
    private static readonly string[] Operators = ["Add", "Sub", "Mul", "Div", "Pow"];

    /// <summary>Left and right dims ("" a scalar): equal, trailing, stretched ones on both sides, rank-0, rank-1 of size 1.</summary>
    private static readonly (string Left, string Right)[] ShapePairs =
    [
        ("2,3,4", "2,3,4"),
        ("2,3,4", "4"),
        ("2,3,4", "3,1"),
        ("4", "2,3,4"),
        ("2,1,4", "3,1"),
        ("1,3,1", "2,1,5"),
        ("2,3,4", ""),
        ("", "2,3"),
        ("2,3,4,5", "3,1,5"),
        ("1", "2,3"),
    ];

    public static IEnumerable<object[]> Cases =>
        Operators.SelectMany(op => ShapePairs.Select(pair => new object[] { op, pair.Left, pair.Right }));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void BinaryOperatorBroadcastsLikeOnnxRuntime(string op, string left, string right)
    {
        var model = new ModelBuilder();
        long[] leftDims = CaseText.Dims(left), rightDims = CaseText.Dims(right);
        var (a, b) = op switch
        {
            // Powers of positive bases only (a negative base with a fractional exponent is NaN in both, which tests nothing).
            "Pow" => (model.UniformTensor(0.5f, 2f, leftDims), model.UniformTensor(-2f, 2f, rightDims)),
            // Divisors kept away from zero, with both signs.
            "Div" => (model.RandomTensor(1f, leftDims), AwayFromZero(model, rightDims)),
            _ => (model.RandomTensor(1f, leftDims), model.RandomTensor(1f, rightDims)),
        };
        model.Input("A", a).Input("B", b).Node(op, ["A", "B"], ["C"]).Output("C");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }

    private static Tensor AwayFromZero(ModelBuilder model, long[] dims)
    {
        var magnitudes = model.RandomValues(Tensor.ElementCountOf(dims), 0.5f, 2f);
        for (int i = 0; i < magnitudes.Length; i++)
        {
            magnitudes[i] *= model.Random.Next(2) == 0 ? -1f : 1f;
        }
        return Tensor.FromArray(magnitudes, dims);
    }
}
