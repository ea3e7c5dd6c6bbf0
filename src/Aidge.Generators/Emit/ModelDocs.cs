using Aidge.Generators.Model;
using Aidge.Generators.Naming;

namespace Aidge.Generators.Emit
{
    /// <summary>The XML documentation of a model class: where the model came from, what it computes on, and how to use it safely.</summary>
    internal static class ModelDocs
    {
        public static void WriteClassDocs(SourceWriter writer, ModelClassSpec model)
        {
            string target = model.Target == null ? "" : $" for the <c>{CSharpText.Xml(model.Target)}</c> target";
            writer.Line("/// <summary>");
            writer.Line($"/// The model <c>{CSharpText.Xml(PathNames.FileName(model.ModelPath ?? model.ManifestPath))}</c>, compiled ahead of time by Aidge.Build into native code{target}.");
            writer.Line("/// </summary>");
            writer.Line("/// <remarks>");
            if (model.ModelPath != null)
            {
                writer.Line($"/// <para>Source model: <c>{CSharpText.Xml(model.ModelPath)}</c>.</para>");
            }

            string opset = model.Opset == null ? "" : $"ONNX opset {CSharpText.Integer(model.Opset.Value)}. ";
            string producer = model.Producer == null ? "" : $"Produced by {CSharpText.Xml(model.Producer)}. ";
            if (opset.Length + producer.Length > 0)
            {
                writer.Line($"/// <para>{(opset + producer).TrimEnd()}</para>");
            }

            if (model.Parameters != null)
            {
                writer.Line($"/// <para>Parameters: {CSharpText.Number(model.Parameters.Value)}.</para>");
            }

            if (model.Macs != null)
            {
                writer.Line($"/// <para>Multiply-accumulates per run: {CSharpText.Number(model.Macs.Value)}.</para>");
            }

            writer.Line($"/// <para>Native library: <c>{CSharpText.Xml(model.Library)}</c>, loaded from the application's folder (<c>AppContext.BaseDirectory</c>).</para>");
            WriteTensorList(writer, "Inputs", "input", model.Inputs);
            WriteTensorList(writer, "Outputs", "output", model.Outputs);
            writer.Line("/// <para>");
            writer.Line("/// Thread safety: each instance owns one native context (its activation memory and thread setting), so an instance is");
            writer.Line("/// not thread-safe: use one instance per thread. Instances share the model's weights, so several cost little and can run concurrently.");
            writer.Line("/// </para>");
            writer.Line("/// </remarks>");
        }

        private static void WriteTensorList(SourceWriter writer, string title, string role, EquatableArray<TensorSpec> tensors)
        {
            writer.Line($"/// <para>{title}, in graph order:</para>");
            writer.Line("/// <list type=\"bullet\">");
            foreach (TensorSpec tensor in tensors)
            {
                writer.Line($"/// <item><description>{TensorText.Doc(tensor, role)}.</description></item>");
            }

            writer.Line("/// </list>");
        }
    }
}
