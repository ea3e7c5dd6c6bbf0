using Aidge.Generators.Model;
using Aidge.Generators.Naming;

namespace Aidge.Generators.Emit
{
    /// <summary>
    /// The manifest's facts about the model as constants, so that an application can describe the model it runs
    /// (a banner, a log line, an about box) without reading the manifest. A fact the manifest lacks gets no constant.
    /// None of the names can meet a tensor's constants, which all end in Length or Shape.
    /// </summary>
    internal static class ModelFactsEmitter
    {
        public static void Write(SourceWriter writer, ModelClassSpec model)
        {
            if (model.ModelPath != null)
            {
                // The file name only: the full path of the build machine has no meaning where the app runs.
                Text(writer, "SourceModel", "The file name of the ONNX model this class was compiled from.", PathNames.FileName(model.ModelPath));
            }

            if (model.Producer != null)
            {
                Text(writer, "Producer", "The tool that wrote the ONNX model, with its version.", model.Producer);
            }

            if (model.Opset != null)
            {
                Number(writer, "int", "Opset", "The ONNX operator set version the model uses.", model.Opset.Value);
            }

            if (model.Target != null)
            {
                Text(writer, "Target", "The target the compiler generated native code for.", model.Target);
            }

            if (model.Parameters != null)
            {
                Number(writer, "long", "ParameterCount", "The number of weights and biases in the model.", model.Parameters.Value);
            }

            if (model.WeightBytes != null)
            {
                Number(writer, "long", "WeightBytes", "The bytes of weights and other constant data the native library carries, after the optimizing passes (int8 weights take one byte each).", model.WeightBytes.Value);
            }

            if (model.Macs != null)
            {
                Number(writer, "long", "MultiplyAccumulates", "Multiply-accumulates per run, counted over Conv, ConvTranspose, Gemm and MatMul.", model.Macs.Value);
            }
        }

        private static void Text(SourceWriter writer, string name, string summary, string value)
        {
            writer.Line($"/// <summary>{summary}</summary>");
            writer.Line($"public const string {name} = {CSharpText.Literal(value)};");
            writer.Line();
        }

        private static void Number(SourceWriter writer, string type, string name, string summary, long value)
        {
            writer.Line($"/// <summary>{summary}</summary>");
            writer.Line($"public const {type} {name} = {CSharpText.Integer(value)};");
            writer.Line();
        }
    }
}
