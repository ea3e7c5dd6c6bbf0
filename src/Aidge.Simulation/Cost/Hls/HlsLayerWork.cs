using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;

namespace Aidge.Simulation.Cost.Hls;

/// <summary>An array of a layer: elements and bits per element.</summary>
public sealed record HlsArray(long Elements, int Width)
{
    public long Bits => Elements * Width;
}

/// <summary>
/// One node as an HLS layer sees it, from static shapes: its arithmetic, output elements, the terms summed (or compared)
/// into each output and the operation per term (a reduction when there is more than one term, elementwise otherwise),
/// the trips of the innermost reduction loop the HLS layers write (a convolution's or pool's last kernel dim, a
/// product's K: the loop the Latency strategy unrolls; the loops around it are flattened into its pipeline),
/// the operators every output adds after its reduction (a requantization multiply, an average's scaling), its weights,
/// its outputs, the elements it reads, and the most readers one of its outputs has.
/// </summary>
public sealed record HlsLayerWork(
    string Name,
    string OpType,
    HlsArithmetic Arithmetic,
    long Outputs,
    long Terms,
    long InnerTrips,
    HlsOperation Operation,
    IReadOnlyList<(HlsOperation Operation, HlsArithmetic Arithmetic)> PerOutput,
    IReadOnlyList<HlsArray> Weights,
    IReadOnlyList<HlsArray> Activations,
    long InputElements = 0,
    int Readers = 1)
{
    private static readonly HashSet<string> Compares = new(StringComparer.Ordinal)
    {
        "Relu", "Clip", "Max", "Min", "Abs", "Neg", "Sign", "Less", "LessOrEqual", "Greater", "GreaterOrEqual", "Equal",
        "Where", "Not", "And", "Or", "Xor", "Floor", "Ceil", "Round", "ArgMax", "ArgMin", "ReduceMax", "ReduceMin",
    };

    private static readonly HashSet<string> Adds = new(StringComparer.Ordinal) { "Add", "Sub", "Sum", "ReduceSum", "ReduceMean" };

    private static readonly HashSet<string> MultiplyAdds = new(StringComparer.Ordinal)
    {
        "BatchNormalization", "InstanceNormalization", "LayerNormalization", "HardSigmoid", "HardSwish", "ReduceSumSquare", "ReduceL2",
    };

    private static readonly HashSet<string> Transcendentals = new(StringComparer.Ordinal)
    {
        "Exp", "Log", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Div", "Sqrt", "Reciprocal", "Pow", "Erf", "Gelu", "Softplus",
        "Elu", "Selu", "Mish", "Sin", "Cos", "ReduceLogSumExp",
    };

    /// <summary>The work of <paramref name="node"/>; <paramref name="arithmetic"/> gives the hardware type of an element type.</summary>
    public static HlsLayerWork Of(Node node, Func<Value, bool> isConstant, Func<Core.Tensors.DataType, HlsArithmetic> arithmetic)
    {
        var inputs = node.Inputs.OfType<Value>().ToList();
        var outputs = node.Outputs.OfType<Value>().ToList();
        // A layer computes in its input's type, except DequantizeLinear, whose multiply is in its float output's.
        var runtime = node.OpType == "DequantizeLinear" ? outputs.FirstOrDefault() : inputs.FirstOrDefault(v => !isConstant(v)) ?? outputs.FirstOrDefault();
        var kind = arithmetic(runtime?.ElementType ?? Core.Tensors.DataType.Float);
        long produced = WorkloadAnalysis.Elements(node.Output(0));
        var weights = inputs.Where(isConstant).Select(v => new HlsArray(WorkloadAnalysis.Elements(v), arithmetic(v.ElementType).Width)).ToList();
        var activations = outputs.Select(v => new HlsArray(WorkloadAnalysis.Elements(v), arithmetic(v.ElementType).Width)).ToList();
        var perOutput = new List<(HlsOperation, HlsArithmetic)>();
        long terms = 1;
        long inner = 0;
        HlsOperation operation;
        if (MatrixShape.Of(node) is { } product)
        {
            terms = product.Reduction;
            inner = node.OpType.Contains("Conv", StringComparison.Ordinal) ? LastKernelDim(node) : terms;
            operation = HlsOperation.MultiplyAdd;
            if (node.Domain == AidgeDomain.Name && node.OpType is "QConv" or "QGemm")
            {
                // Requantization: the int32 sum times a 32-bit integer multiplier, then a shift.
                perOutput.Add((HlsOperation.Multiply, new HlsArithmetic(HlsNumberKind.Integer, 32)));
            }
        }
        else if (OpClasses.IsWindow(node.OpType))
        {
            bool global = node.OpType.StartsWith("Global", StringComparison.Ordinal);
            terms = global
                ? WorkloadAnalysis.Elements(node.Input(0)) / Math.Max(1, produced)
                : node.GetInts("kernel_shape")?.Aggregate(1L, (a, b) => a * b) ?? 1;
            inner = global ? WorkloadAnalysis.Dims(node.Input(0))?.LastOrDefault() ?? terms : LastKernelDim(node);
            operation = node.OpType.Contains("MaxPool", StringComparison.Ordinal) ? HlsOperation.Compare : HlsOperation.Add;
            if (node.OpType.Contains("AveragePool", StringComparison.Ordinal))
            {
                perOutput.Add((HlsOperation.Multiply, kind));
            }
        }
        else if (OpClasses.IsMovement(node.OpType))
        {
            operation = HlsOperation.Copy;
        }
        else
        {
            operation = ElementwiseOperation(node.OpType);
            if (node.OpType.StartsWith("Reduce", StringComparison.Ordinal))
            {
                terms = WorkloadAnalysis.Elements(node.Input(0)) / Math.Max(1, produced);
            }
        }
        terms = Math.Max(1, terms);
        inner = inner <= 0 || terms % inner != 0 ? terms : inner;
        long inputElements = inputs.Where(v => !isConstant(v)).Sum(v => WorkloadAnalysis.Elements(v));
        int readers = Math.Max(1, outputs.Select(v => v.Consumers.Count).DefaultIfEmpty(1).Max());
        return new HlsLayerWork(node.DisplayName, node.OpType, kind, produced, terms, inner, operation, perOutput, weights, activations, inputElements, readers);
    }

    /// <summary>The last dim of a window: kernel_shape's, or the weights' for a convolution without it.</summary>
    private static long LastKernelDim(Node node) =>
        node.GetInts("kernel_shape") is { Length: > 0 } kernel ? kernel[^1]
        : WorkloadAnalysis.Dims(node.Input(1)) is { Length: > 2 } weights ? weights[^1]
        : 0;

    /// <summary>What an elementwise operator costs: comparisons, adds, multiply-adds, transcendentals, or (for the rest) one multiply.</summary>
    public static HlsOperation ElementwiseOperation(string opType) =>
        Compares.Contains(opType) ? HlsOperation.Compare
        : Adds.Contains(opType) ? HlsOperation.Add
        : MultiplyAdds.Contains(opType) ? HlsOperation.MultiplyAdd
        : Transcendentals.Contains(opType) ? HlsOperation.Transcendental
        : HlsOperation.Multiply;
}
