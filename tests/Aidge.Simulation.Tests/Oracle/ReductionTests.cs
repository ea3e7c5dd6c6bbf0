using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// The ten Reduce* operators against ONNX Runtime: axes as an attribute (opset 13) and as an input (opset 18),
/// keepdims, negative and unordered axes, noop_with_empty_axes, and integer element types.
/// </summary>
[TestClass]
public sealed class ReductionTests
{
    private static readonly string[] Operators =
        ["ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"];

    /// <summary>Axes ("" = none given) and keepdims over a [2,3,4,5] input.</summary>
    private static readonly (string Axes, long KeepDims)[] Settings =
        [("1", 1), ("0,2", 0), ("-1,1", 1), ("3,0,1", 0), ("", 1), ("", 0)];

    public static IEnumerable<object[]> Cases =>
        Operators.SelectMany(op => new[] { 13, 18 }.SelectMany(opset => Settings.Select(s => new object[] { op, opset, s.Axes, s.KeepDims })));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ReductionMatchesOnnxRuntime(string op, int opset, string axes, long keepDims)
    {
        var model = new ModelBuilder(opset);
        // Positive inputs keep the logarithms defined.
        model.Input("X", model.UniformTensor(0.2f, 1.5f, 2, 3, 4, 5));
        var attributes = new List<(string, object)> { ("keepdims", keepDims) };
        var inputs = new List<string> { "X" };
        long[] axisList = CaseText.Dims(axes);
        if (axisList.Length > 0)
        {
            // ReduceSum took axes as an input from opset 13, the others from 18.
            if (opset >= 18 || op == "ReduceSum")
            {
                model.Initializer("axes", axisList, axisList.Length);
                inputs.Add("axes");
            }
            else
            {
                attributes.Add(("axes", axisList));
            }
        }
        model.Node(op, [.. inputs], ["Y"], [.. attributes]).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }

    [TestMethod]
    [DataRow("ReduceSum", DataType.Int32)]
    [DataRow("ReduceSum", DataType.Int64)]
    [DataRow("ReduceMax", DataType.Int32)]
    [DataRow("ReduceMin", DataType.Int64)]
    [DataRow("ReduceProd", DataType.Int32)]
    [DataRow("ReduceMean", DataType.Int32)]
    [DataRow("ReduceSumSquare", DataType.Int64)]
    [DataRow("ReduceMax", DataType.UInt8)]
    [DataRow("ReduceMin", DataType.Int8)]
    public void IntegerReductionMatchesOnnxRuntime(string op, DataType type)
    {
        var model = new ModelBuilder(18);
        var values = model.RandomValues(24, -9f, 9f).Select(v => (long)v).ToArray();
        var data = Tensor.Create(type, 2, 3, 4);
        for (int i = 0; i < values.Length; i++)
        {
            long v = type == DataType.UInt8 ? Math.Abs(values[i]) : values[i];
            switch (type)
            {
                case DataType.Int32: data.Span<int>()[i] = (int)v; break;
                case DataType.Int64: data.Span<long>()[i] = v; break;
                case DataType.UInt8: data.Span<byte>()[i] = (byte)v; break;
                default: data.Span<sbyte>()[i] = (sbyte)v; break;
            }
        }
        model.Input("X", data).Initializer("axes", [1L], 1).Node(op, ["X", "axes"], ["Y"], ("keepdims", 0L)).Output("Y", type);
        OracleAssert.Agrees(model, rtol: 0, atol: 0);
    }

    [TestMethod]
    [DataRow("ReduceSum")]
    [DataRow("ReduceL2")]
    [DataRow("ReduceLogSumExp")]
    public void EmptyAxesWithNoopLeaveTheTensorUnreduced(string op)
    {
        var model = new ModelBuilder(18);
        model.Input("X", model.UniformTensor(0.2f, 1.5f, 3, 4))
            .Initializer("axes", Array.Empty<long>(), 0)
            .Node(op, ["X", "axes"], ["Y"], ("noop_with_empty_axes", 1L)).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }
}
