namespace Aidge.Generators.Model
{
    /// <summary>One graph input or output as the generated class exposes it.</summary>
    /// <param name="OnnxName">The raw name from the model (untrusted: only ever written escaped).</param>
    /// <param name="ElementType">The ONNX element type name, e.g. float32.</param>
    /// <param name="CSharpType">The C# element type, e.g. float.</param>
    /// <param name="ParameterName">camelCase C# name (Run parameters, locals).</param>
    /// <param name="PropertyName">PascalCase C# name (constants, output record properties).</param>
    /// <param name="Shape">Static dimensions, each at most int.MaxValue.</param>
    /// <param name="Length">Element count: the product of the dimensions.</param>
    internal sealed record TensorSpec(
        string OnnxName,
        string ElementType,
        string CSharpType,
        string ParameterName,
        string PropertyName,
        EquatableArray<int> Shape,
        int Length);
}
