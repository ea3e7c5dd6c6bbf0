using Microsoft.CodeAnalysis;

namespace Aidge.Generators.Diagnostics
{
    /// <summary>The descriptors of every diagnostic the generator reports; messages say what to do.</summary>
    internal static class GeneratorDiagnostics
    {
        private const string Category = "Aidge.Build";

        public static readonly DiagnosticDescriptor ManifestNotJson = Error(
            DiagnosticCodes.ManifestNotJson,
            "Aidge manifest is not valid JSON",
            "The Aidge manifest '{0}' is not valid JSON: {1}. It is written by aidgec; rebuild to regenerate it.");

        public static readonly DiagnosticDescriptor ManifestInvalid = Error(
            DiagnosticCodes.ManifestInvalid,
            "Aidge manifest is invalid",
            "The Aidge manifest '{0}' is invalid: {1}. It is written by aidgec; rebuild to regenerate it.");

        public static readonly DiagnosticDescriptor ManifestFormatUnsupported = Error(
            DiagnosticCodes.ManifestFormatUnsupported,
            "Aidge manifest format is not supported",
            "The Aidge manifest '{0}' has format {1}, but this generator reads format 1; use the same Aidge.Build version for the compiler and the generator, then rebuild");

        public static readonly DiagnosticDescriptor UnsupportedElementType = Error(
            DiagnosticCodes.UnsupportedElementType,
            "Tensor element type not supported by the C# wrapper",
            "The {0} '{1}' of the model in '{2}' has element type '{3}', which the generated C# class cannot expose; supported types: {4}. Cast the tensor to one of them in the model.");

        public static readonly DiagnosticDescriptor DuplicateClassName = Error(
            DiagnosticCodes.DuplicateClassName,
            "Two Aidge models generate the same class",
            "The models of '{0}' and '{1}' would both generate the type '{2}'; set a different ClassName (or Namespace) on one of the AidgeModel items");

        public static readonly DiagnosticDescriptor UnsafeBlocksRequired = Error(
            DiagnosticCodes.UnsafeBlocksRequired,
            "The Aidge model class needs AllowUnsafeBlocks",
            "The class for '{0}' calls its native library through unmanaged function pointers, which C# allows only in unsafe code; set <AllowUnsafeBlocks>true</AllowUnsafeBlocks> in the project (the Aidge.Build package's props set it unless the project turns it off)");

        public static readonly DiagnosticDescriptor TargetFrameworkUnsupported = Error(
            DiagnosticCodes.TargetFrameworkUnsupported,
            "The project cannot host an Aidge model class",
            "The class for '{0}' needs System.Runtime.InteropServices.NativeLibrary (.NET Core 3.0 or later) and C# 9 or later; target net8.0 or later");

        public static readonly DiagnosticDescriptor TensorTooLarge = Error(
            DiagnosticCodes.TensorTooLarge,
            "Tensor too large for a span",
            "The {0} '{1}' of the model in '{2}' has shape {3}, whose element count or dimensions exceed int.MaxValue, the largest span; export the model with a smaller batch or sequence size");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
