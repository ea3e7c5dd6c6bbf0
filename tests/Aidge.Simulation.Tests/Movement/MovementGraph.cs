using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.Movement;

/// <summary>Builds small graphs of data-movement nodes, infers their shapes and runs them.</summary>
internal sealed class MovementGraph
{
    private readonly Graph graph = new();
    private readonly Dictionary<string, Tensor> runtimeInputs = new(StringComparer.Ordinal);

    public MovementGraph(int opset = 21) => graph.SetOpsets([new KeyValuePair<string, long>("", opset)]);

    /// <summary>A runtime input declared with the given type (dims may be symbolic), fed with <paramref name="data"/>.</summary>
    public Value Input(string name, Tensor data, Shape? declared = null)
    {
        var value = graph.GetOrAddValue(name);
        value.Type = new TensorType(data.Type, declared ?? data.Shape);
        graph.Inputs.Add(value);
        runtimeInputs[name] = data;
        return value;
    }

    public Value Constant(string name, Tensor data) => graph.AddInitializer(name, data);

    /// <summary>Adds a node with one output named after it, with the given int attributes.</summary>
    public Value Node(string opType, Value?[] inputs, params (string Name, object Value)[] attributes)
    {
        var output = graph.GetOrAddValue(graph.UniqueName(opType.ToLowerInvariant()));
        var node = graph.AddNode(opType, inputs, [output]);
        foreach (var (name, value) in attributes)
        {
            node.SetAttribute(value switch
            {
                long i => NodeAttribute.Of(name, i),
                long[] ints => NodeAttribute.Of(name, ints),
                string s => NodeAttribute.Of(name, s),
                Tensor t => NodeAttribute.Of(name, t),
                _ => throw new ArgumentException($"Unsupported attribute {name}."),
            });
        }
        return output;
    }

    /// <summary>Infers shapes, then runs the graph and returns the value of <paramref name="output"/>.</summary>
    public Tensor Run(Value output)
    {
        graph.Outputs.Clear();
        graph.Outputs.Add(output);
        ShapeInference.InferModel(new Model(graph));
        var results = new Interpreter(graph).Run(runtimeInputs.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
        return (Tensor)results[output.Name]!;
    }

    /// <summary>Infers shapes only.</summary>
    public void Infer() => ShapeInference.InferModel(new Model(graph));
}
