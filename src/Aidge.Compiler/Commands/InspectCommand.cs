using System.CommandLine;
using Aidge.Compiler.Inspection;
using Aidge.Core.Operators;
using Aidge.Onnx;

namespace Aidge.Compiler.Commands;

/// <summary><c>aidgec inspect MODEL [--dim NAME=VALUE]...</c>: the model's facts, shapes, operators, parameters and MACs.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The ONNX model file." };
        var dims = new Option<string[]>("--dim")
        {
            Description = "A value for a symbolic input dimension, as NAME=VALUE (repeatable).",
            HelpName = "NAME=VALUE",
        };
        dims.Validators.Add(result =>
        {
            if (DimBindings.TryParse(result.GetValueOrDefault<string[]>() ?? [], out string? error) is null)
            {
                result.AddError(error!);
            }
        });
        var command = new Command("inspect", "Prints a model's facts: inputs and outputs, operator counts, parameters and MACs.")
        {
            model,
            dims,
        };
        command.SetAction(result =>
        {
            var bindings = DimBindings.TryParse(result.GetValue(dims) ?? [], out _)!;
            return Run(result.GetValue(model)!.FullName, bindings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(string path, DimBindings bindings, TextWriter output, TextWriter error)
    {
        // Inference runs after the bindings are applied, so bound dims flow through the whole graph.
        var model = ModelReader.Load(path, ModelReaderOptions.Default with { InferShapes = false });
        foreach (string unused in bindings.ApplyTo(model.Graph))
        {
            error.WriteLine($"aidgec: warning: --dim {unused} matches no symbolic input dimension.");
        }
        ShapeInference.InferModel(model, path);
        ModelFacts.Write(model, path, output);
        return 0;
    }
}
