namespace Aidge.Generators.Model
{
    /// <summary>Everything the emitter needs to write one model's class; value-equatable so unchanged models are cached.</summary>
    internal sealed record ModelClassSpec(
        string ManifestPath,
        string? ModelPath,
        string? Target,
        string? Producer,
        long? Opset,
        long? Parameters,
        long? WeightBytes,
        long? Macs,
        string SymbolPrefix,
        string Library,
        bool NativeBuilt,
        string? NativeMessage,
        string ClassName,
        EquatableArray<TensorSpec> Inputs,
        EquatableArray<TensorSpec> Outputs)
    {
        /// <summary>The namespace the manifest asks for, as a valid C# namespace; null to use the project's.</summary>
        public string? Namespace { get; init; }

        /// <summary>The hint name of the generated file, unique in the compilation (hint names ignore case).</summary>
        public string HintName { get; init; } = "";

        /// <summary>The record returned by the allocating Run overload when the model has several outputs.</summary>
        public string? OutputsRecordName => Outputs.Count > 1 ? ClassName + "Outputs" : null;
    }
}
