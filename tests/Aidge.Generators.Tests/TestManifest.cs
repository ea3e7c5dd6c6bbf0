using System.Text.Json;

namespace Aidge.Generators.Tests;

/// <summary>One graph input or output of a test manifest.</summary>
public sealed record TestTensor(string Name, string ElementType, params long[] Shape);

/// <summary>Builds manifest JSON in the contract's format 1 (what aidgec writes), with overridable parts.</summary>
public sealed record TestManifest
{
    public string? ClassName { get; init; } = "Digits";

    public string? Namespace { get; init; }

    public string Model { get; init; } = "/models/digits.onnx";

    public string SymbolPrefix { get; init; } = "digits";

    public string Library { get; init; } = "libaidge_digits.so";

    public bool NativeBuilt { get; init; } = true;

    public string? NativeMessage { get; init; }

    public long? Macs { get; init; } = 123456;

    public TestTensor[] Inputs { get; init; } = [new("input.1", "float32", 1, 1, 8, 8)];

    public TestTensor[] Outputs { get; init; } = [new("logits", "float32", 1, 10)];

    public string ToJson()
    {
        var document = new Dictionary<string, object?>
        {
            ["format"] = 1,
            ["model"] = Model,
            ["className"] = ClassName,
            ["namespace"] = Namespace,
            ["target"] = "openmp",
            ["symbolPrefix"] = SymbolPrefix,
            ["library"] = Library,
            ["nativeBuilt"] = NativeBuilt,
            ["nativeMessage"] = NativeMessage,
            ["producer"] = "pytorch 1.13.1",
            ["opset"] = 13,
            ["parameters"] = 17690,
            ["weightBytes"] = 70760,
            ["macs"] = Macs,
            ["inputs"] = Inputs.Select(Describe).ToArray(),
            ["outputs"] = Outputs.Select(Describe).ToArray(),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private static Dictionary<string, object> Describe(TestTensor tensor) => new()
    {
        ["name"] = tensor.Name,
        ["elementType"] = tensor.ElementType,
        ["shape"] = tensor.Shape,
    };
}
