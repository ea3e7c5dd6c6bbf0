using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.MachineLearning;

/// <summary>Runs one ai.onnx.ml node (opset 5 of that domain) on one input, after shape inference.</summary>
internal static class MachineLearningGraph
{
    public static Tensor Run(string opType, Tensor input, params NodeAttribute[] attributes)
    {
        var graph = new Graph();
        graph.SetOpsets([new KeyValuePair<string, long>("", 21), new KeyValuePair<string, long>("ai.onnx.ml", 5)]);
        var x = graph.GetOrAddValue("x");
        x.Type = new TensorType(input.Type, input.Shape);
        graph.Inputs.Add(x);
        var y = graph.GetOrAddValue("y");
        var node = graph.AddNode(opType, [x], [y], domain: "ai.onnx.ml");
        foreach (var attribute in attributes)
        {
            node.SetAttribute(attribute);
        }
        graph.Outputs.Add(y);
        ShapeInference.InferModel(new Model(graph));
        var results = new Interpreter(graph).Run(new Dictionary<string, object?> { ["x"] = input });
        return (Tensor)results["y"]!;
    }
}
