using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Cost;

/// <summary>
/// Computes <see cref="NodeWorkload"/> for every node of a graph whose shapes were inferred. Values whose data is
/// known when compiling (<paramref name="isConstant"/>: initializers, folded values) count as parameters, and a node
/// whose outputs are all constant does no work at run time.
/// </summary>
public static class WorkloadAnalysis
{
    public static IReadOnlyList<NodeWorkload> Of(Graph graph, Func<Value, bool>? isConstant = null)
    {
        isConstant ??= v => v.Initializer is not null;
        var result = new List<NodeWorkload>();
        foreach (var node in graph.Nodes)
        {
            if (node.Outputs.OfType<Value>().Any() && node.Outputs.OfType<Value>().All(isConstant))
            {
                continue;
            }
            result.Add(Analyze(node, isConstant));
        }
        return result;
    }

    private static NodeWorkload Analyze(Node node, Func<Value, bool> isConstant)
    {
        var inputs = node.Inputs.OfType<Value>().ToList();
        var outputs = node.Outputs.OfType<Value>().ToList();
        bool known = inputs.Concat(outputs).All(v => Dims(v) is not null);
        var parameters = inputs.Where(isConstant).ToList();
        long parameterCount = parameters.Sum(v => Elements(v));
        long parameterBytes = parameters.Sum(Bytes);
        long activationBytes = outputs.Sum(Bytes);
        long readActivations = inputs.Where(v => !isConstant(v)).Sum(v => Elements(v));
        long written = outputs.Sum(v => Elements(v));
        var product = MatrixShape.Of(node);
        var opClass = OpClasses.Of(node, product?.Rows);
        long operations = opClass switch
        {
            OpClass.MatrixProduct or OpClass.MatrixVector or OpClass.DataMovement => 0,
            OpClass.Window => WindowReads(node, written),
            _ => Math.Max(written, readActivations),
        };
        long macs = product?.Macs ?? 0;
        var element = (inputs.FirstOrDefault(v => !isConstant(v)) ?? outputs.FirstOrDefault())?.ElementType ?? DataType.Undefined;
        return new NodeWorkload(
            node.DisplayName,
            node.OpType,
            opClass,
            element is DataType.Int8 or DataType.UInt8,
            macs,
            operations,
            product?.Reduction ?? 0,
            product?.Rows ?? 0,
            inputs.Sum(Bytes),
            outputs.Sum(Bytes),
            parameterCount,
            parameterBytes,
            activationBytes,
            Math.Max(macs, Math.Max(written, readActivations)),
            known);
    }

    /// <summary>Reads of a pooling node: every output reads its window (a global pool reads its whole plane).</summary>
    private static long WindowReads(Node node, long written)
    {
        if (node.OpType.StartsWith("Global", StringComparison.Ordinal))
        {
            return Elements(node.Input(0));
        }
        long window = node.GetInts("kernel_shape")?.Aggregate(1L, (a, b) => a * b) ?? 1;
        return written * window;
    }

    internal static long[]? Dims(Value? value) =>
        value?.Initializer?.Dims ?? (value?.Shape is { IsStatic: true } shape ? shape.ToArray() : null);

    internal static long Elements(Value? value) => Dims(value)?.Aggregate(1L, (a, b) => a * b) ?? 0;

    private static long Bytes(Value value) => Elements(value) * Math.Max(0, value.ElementType.SizeOf());
}
