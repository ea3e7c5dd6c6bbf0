using System.Linq;
using Aidge.Generators.Model;

namespace Aidge.Generators.Emit
{
    /// <summary>How generated docs and messages describe a tensor; raw ONNX names always pass through the escapers.</summary>
    internal static class TensorText
    {
        /// <summary>[1, 1, 8, 8]; [] for a scalar.</summary>
        public static string Shape(TensorSpec tensor) =>
            "[" + string.Join(", ", tensor.Shape.Select(dim => CSharpText.Integer(dim))) + "]";

        /// <summary>XML: input <c>image</c> (ONNX <c>input.1</c>): float32 [1, 1, 8, 8], 64 elements, row-major.</summary>
        public static string Doc(TensorSpec tensor, string role) =>
            $"{role} <c>{tensor.ParameterName}</c> (ONNX name <c>{CSharpText.Xml(tensor.OnnxName)}</c>): {tensor.ElementType} {Shape(tensor)}, "
            + $"{CSharpText.Number(tensor.Length)} element{(tensor.Length == 1 ? "" : "s")}, row-major";

        /// <summary>Plain text for exception messages: input 'image' (ONNX name "input.1").</summary>
        public static string Message(TensorSpec tensor, string role) =>
            $"{role} '{tensor.ParameterName}' (ONNX name \"{tensor.OnnxName}\")";
    }
}
