using System.Text.RegularExpressions;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;

namespace Aidge.Compiler.Data;

/// <summary>
/// Loads <c>SampleInput</c> / <c>CalibrationData</c> into one feed per sample, keyed by input name:
/// <list type="bullet">
/// <item>a <c>.npy</c> or <c>.pb</c> (TensorProto) file for a one-input model, cut into samples by <see cref="SampleFeeds"/>;</item>
/// <item>a folder of such files for a one-input model, in natural name order (<c>img2</c> before <c>img10</c>);</item>
/// <item>a folder of <c>test_data_set_*</c> folders holding <c>input_K.pb</c> (or <c>.npy</c>), K in graph input order, as the ONNX suite lays them out.</item>
/// </list>
/// Errors (AIDGE3013 unreadable, AIDGE3014 not fitting the model) name the file and the shape and type expected.
/// </summary>
public static partial class SampleData
{
    private const string DataSetPrefix = "test_data_set_";

    public static IReadOnlyList<IReadOnlyDictionary<string, Tensor>> Load(string path, Graph graph, string? modelFile) =>
        Load(path, InputSlot.Of(graph, modelFile));

    public static IReadOnlyList<IReadOnlyDictionary<string, Tensor>> Load(string path, IReadOnlyList<InputSlot> inputs)
    {
        if (Directory.Exists(path))
        {
            var sets = Directory.GetDirectories(path, DataSetPrefix + "*").OrderBy(NaturalKey, StringComparer.Ordinal).ToList();
            return sets.Count > 0 ? sets.SelectMany(set => LoadDataSet(set, inputs)).ToList() : LoadFolder(path, inputs);
        }
        if (!File.Exists(path))
        {
            throw new AidgeException(DiagnosticCodes.DataFileInvalid, $"The data path {path} does not exist; give a .npy or .pb file, or a folder of them.", path);
        }
        return Feeds(OnlyInput(inputs, path), path).ToList();
    }

    /// <summary>A .npy or .pb file as a tensor.</summary>
    public static Tensor ReadTensor(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".npy", StringComparison.OrdinalIgnoreCase))
        {
            return NpyFiles.Read(path);
        }
        if (extension.Equals(".pb", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return (Tensor)TensorFiles.Read(path, null)!;
            }
            catch (AidgeException e)
            {
                throw new AidgeException(DiagnosticCodes.DataFileInvalid, $"The data file {path} is not a serialized ONNX TensorProto: {e.Diagnostic.Message}", path, inner: e);
            }
        }
        throw new AidgeException(DiagnosticCodes.DataFileInvalid, $"The data file {path} is neither .npy (numpy.save) nor .pb (a serialized ONNX TensorProto).", path);
    }

    private static List<IReadOnlyDictionary<string, Tensor>> LoadFolder(string folder, IReadOnlyList<InputSlot> inputs)
    {
        var files = Directory.GetFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".npy" or ".pb")
            .OrderBy(NaturalKey, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new AidgeException(DiagnosticCodes.DataMismatch, $"The data folder {folder} holds no .npy or .pb files and no {DataSetPrefix}* folders.", folder);
        }
        var input = OnlyInput(inputs, folder);
        return files.SelectMany(file => Feeds(input, file)).ToList();
    }

    /// <summary>One test_data_set_N folder: input_K for every input, each cut into the same number of samples.</summary>
    private static List<IReadOnlyDictionary<string, Tensor>> LoadDataSet(string set, IReadOnlyList<InputSlot> inputs)
    {
        var columns = new List<IReadOnlyList<Tensor>>();
        for (int k = 0; k < inputs.Count; k++)
        {
            string file = new[] { ".pb", ".npy" }.Select(e => Path.Combine(set, $"input_{k}{e}")).FirstOrDefault(File.Exists)
                ?? throw new AidgeException(DiagnosticCodes.DataMismatch,
                    $"The data folder {set} has no input_{k}.pb (or .npy) for input '{inputs[k].Name}' ({inputs[k]}); the model has {inputs.Count} inputs.", set);
            columns.Add(SampleFeeds.Split(ReadTensor(file), inputs[k], file));
        }
        int count = columns.Count == 0 ? 0 : columns[0].Count;
        if (columns.Any(c => c.Count != count))
        {
            throw new AidgeException(DiagnosticCodes.DataMismatch,
                $"The input files in {set} hold different numbers of samples ({string.Join(", ", columns.Select(c => c.Count))}); each input needs one array per sample.", set);
        }
        return Enumerable.Range(0, count)
            .Select(i => (IReadOnlyDictionary<string, Tensor>)inputs.Select((input, k) => (input.Name, columns[k][i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal))
            .ToList();
    }

    private static IEnumerable<IReadOnlyDictionary<string, Tensor>> Feeds(InputSlot input, string file) =>
        SampleFeeds.Split(ReadTensor(file), input, file).Select(sample => new Dictionary<string, Tensor>(StringComparer.Ordinal) { [input.Name] = sample });

    private static InputSlot OnlyInput(IReadOnlyList<InputSlot> inputs, string path) => inputs.Count == 1
        ? inputs[0]
        : throw new AidgeException(DiagnosticCodes.DataMismatch,
            $"The data {path} is one array per sample, which feeds a model with one input; this model has {inputs.Count} ({string.Join(", ", inputs.Select(i => $"'{i.Name}' {i}"))}). Give a folder of {DataSetPrefix}N folders holding input_K.pb instead.", path);

    /// <summary>Numbers padded so that ordinal order is natural order: img2 before img10, test_data_set_9 before 10.</summary>
    private static string NaturalKey(string path) => Digits().Replace(Path.GetFileName(path), m => m.Value.PadLeft(20, '0'));

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
