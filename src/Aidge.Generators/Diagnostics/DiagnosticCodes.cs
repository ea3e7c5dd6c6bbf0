namespace Aidge.Generators.Diagnostics
{
    /// <summary>
    /// The generator's stable diagnostic codes (AIDGE5020-AIDGE5039). They live here rather than in
    /// Aidge.Core's DiagnosticCodes because the generator may not reference product assemblies.
    /// </summary>
    internal static class DiagnosticCodes
    {
        public const string ManifestNotJson = "AIDGE5020";
        public const string ManifestInvalid = "AIDGE5021";
        public const string ManifestFormatUnsupported = "AIDGE5022";
        public const string UnsupportedElementType = "AIDGE5023";
        public const string DuplicateClassName = "AIDGE5024";
        public const string UnsafeBlocksRequired = "AIDGE5025";
        public const string TargetFrameworkUnsupported = "AIDGE5026";
        public const string TensorTooLarge = "AIDGE5027";
    }
}
