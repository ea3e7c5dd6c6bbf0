using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.Elementwise;

/// <summary>Builds a one-node graph, infers its types and runs it through the interpreter.</summary>
internal static class SingleNode
{
    public static Tensor Run(string opType, int opset, Tensor?[] inputs, params NodeAttribute[] attributes) =>
        Run(opType, opset, inputs, out _, attributes);

    /// <summary>Also returns the output type that shape inference gave, to check it against the result.</summary>
    public static Tensor Run(string opType, int opset, Tensor?[] inputs, out TensorType inferred, params NodeAttribute[] attributes)
    {
        var graph = new Graph();
        graph.SetOpsets(new[] { new KeyValuePair<string, long>("", opset) });
        var values = new List<Value?>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } tensor)
            {
                values.Add(null);
                continue;
            }
            var value = graph.GetOrAddValue($"x{i}");
            value.Type = new TensorType(tensor.Type, tensor.Shape);
            graph.Inputs.Add(value);
            values.Add(value);
        }
        var output = graph.GetOrAddValue("y");
        var node = graph.AddNode(opType, values, new[] { output });
        foreach (var attribute in attributes)
        {
            node.SetAttribute(attribute);
        }
        graph.Outputs.Add(output);
        new ShapeInference().Run(graph);
        inferred = (TensorType)output.Type!;
        var results = new Interpreter(graph).Run(inputs.Where(t => t is not null).Cast<object?>().ToList());
        return (Tensor)results[0]!;
    }

    public static Tensor Bools(params bool[] values) =>
        Tensor.FromSpan<byte>(DataType.Bool, new long[] { values.Length }, values.Select(b => b ? (byte)1 : (byte)0).ToArray());

    public static Tensor Of<T>(DataType type, long[] dims, params T[] values)
        where T : unmanaged => Tensor.FromSpan<T>(type, dims, values);
}
