using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Aidge.Generators.Diagnostics;
using Aidge.Generators.Json;
using Aidge.Generators.Model;
using Aidge.Generators.Naming;

namespace Aidge.Generators.Parsing
{
    /// <summary>Reads the manifest's inputs and outputs, names them, and reports the tensors C# cannot expose.</summary>
    internal sealed class TensorReader
    {
        private readonly string _manifestPath;
        private readonly TensorNamer _namer;
        private readonly List<DiagnosticInfo> _diagnostics;

        public TensorReader(string manifestPath, TensorNamer namer, List<DiagnosticInfo> diagnostics)
        {
            _manifestPath = manifestPath;
            _namer = namer;
            _diagnostics = diagnostics;
        }

        /// <summary>Reads the array <paramref name="property"/>; tensors with unsupported types or sizes are reported and skipped.</summary>
        public EquatableArray<TensorSpec> ReadAll(ManifestFields manifest, string property, string role)
        {
            IReadOnlyList<JsonValue> items = manifest.RequiredArray(property);
            var tensors = new List<TensorSpec>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                TensorSpec? tensor = Read(new ManifestFields(items[i], $"{property}[{i}]"), items[i], role);
                if (tensor != null)
                {
                    tensors.Add(tensor);
                }
            }

            return tensors.ToEquatableArray();
        }

        private TensorSpec? Read(ManifestFields fields, JsonValue item, string role)
        {
            string onnxName = fields.RequiredString("name");
            string elementType = fields.RequiredString("elementType");
            long[] shape = fields.RequiredArray("shape").Select(dim => Dimension(fields, dim)).ToArray();
            if (!ElementTypes.TryGetCSharpType(elementType, out string csharpType))
            {
                Report(GeneratorDiagnostics.UnsupportedElementType, fields.Find("elementType")!, role, onnxName, _manifestPath, elementType, ElementTypes.SupportedList);
                return null;
            }

            long? length = ElementCount(shape);
            if (length == null)
            {
                string written = "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
                Report(GeneratorDiagnostics.TensorTooLarge, item, role, onnxName, _manifestPath, written);
                return null;
            }

            var (parameterName, propertyName) = _namer.Name(onnxName, role);
            return new TensorSpec(
                onnxName,
                elementType,
                csharpType,
                parameterName,
                propertyName,
                shape.Select(d => (int)d).ToEquatableArray(),
                (int)length.Value);
        }

        private static long Dimension(ManifestFields fields, JsonValue dim)
        {
            long value = fields.Integer("shape", dim);
            return value >= 0 ? value : throw fields.Invalid("shape", dim, "must hold non-negative dimensions (the compiler fixes symbolic ones)");
        }

        // Null when a dimension or the product does not fit a span's int length.
        private static long? ElementCount(long[] shape)
        {
            long count = 1;
            foreach (long dim in shape)
            {
                if (dim > int.MaxValue)
                {
                    return null;
                }

                count *= dim;
                if (count > int.MaxValue)
                {
                    return null;
                }
            }

            return count;
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonValue at, params string[] arguments) =>
            _diagnostics.Add(ManifestParser.At(descriptor, _manifestPath, at.Position, arguments));
    }
}
