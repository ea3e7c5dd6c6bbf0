using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Testing;

/// <summary>A model imported from its ONNX bytes and run by the simulator, on the same terms as <see cref="OnnxRuntimeModel"/>.</summary>
public sealed class SimulatorModel
{
    private const string FileName = "oracle.onnx";
    private readonly Interpreter interpreter;

    public SimulatorModel(byte[] model)
    {
        using var stream = new MemoryStream(model, writable: false);
        Model = ModelReader.Load(stream, baseDirectory: null, fileName: FileName);
        interpreter = new Interpreter(Model.Graph, file: FileName);
    }

    public Model Model { get; }

    /// <summary>Runs the model on the given inputs (by name) and returns its outputs in graph order.</summary>
    public IReadOnlyList<Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        var results = interpreter.Run(inputs.ToDictionary(i => i.Key, i => (object?)i.Value, StringComparer.Ordinal));
        return Model.Graph.Outputs
            .Select(o => results[o.Name] as Tensor ?? throw new InvalidOperationException($"Output '{o.Name}' is not a tensor."))
            .ToList();
    }
}
