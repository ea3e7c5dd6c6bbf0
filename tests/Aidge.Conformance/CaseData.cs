using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;

namespace Aidge.Conformance;

/// <summary>
/// The test data of one case as the suite lays it out: <c>test_data_set_*</c> folders holding <c>input_K.pb</c> for
/// the graph's runtime inputs (a missing file is an omitted optional input) and <c>output_K.pb</c> for its outputs.
/// Shared by every runner of the suite, so they all read a case the same way.
/// </summary>
public static class CaseData
{
    public const string ModelFile = "model.onnx";

    /// <summary>The case's data-set folders in a stable order.</summary>
    public static IReadOnlyList<string> DataSets(string caseDirectory) =>
        Directory.GetDirectories(caseDirectory, "test_data_set_*").Order(StringComparer.Ordinal).ToList();

    /// <summary>The data set's runtime inputs by graph input name.</summary>
    public static Dictionary<string, object?> Inputs(Graph graph, string dataSet)
    {
        var runtimeInputs = graph.RuntimeInputs.ToList();
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < runtimeInputs.Count; i++)
        {
            string path = Path.Combine(dataSet, $"input_{i}.pb");
            inputs[runtimeInputs[i].Name] = File.Exists(path) ? TensorFiles.Read(path, runtimeInputs[i].Type) : OptionalNone.Instance;
        }
        return inputs;
    }

    /// <summary>The expected value of graph output <paramref name="index"/> in the data set.</summary>
    public static object? ExpectedOutput(Graph graph, string dataSet, int index) =>
        TensorFiles.Read(Path.Combine(dataSet, $"output_{index}.pb"), graph.Outputs[index].Type);

    /// <summary>
    /// Gives every runtime input the static type and shape of its data in the data set, as a compiler binds the dims
    /// of a model; false when an input is omitted, or is not declared or given as a plain tensor.
    /// </summary>
    public static bool BindInputShapes(Graph graph, string dataSet)
    {
        var inputs = graph.RuntimeInputs.ToList();
        for (int i = 0; i < inputs.Count; i++)
        {
            string path = Path.Combine(dataSet, $"input_{i}.pb");
            if (inputs[i].Type is not (TensorType or null) || !File.Exists(path) || TensorFiles.Read(path, inputs[i].Type) is not Tensor tensor)
            {
                return false;
            }
            inputs[i].Type = new TensorType(tensor.Type, tensor.Shape);
        }
        return true;
    }
}
