using Aidge.Compiler.Inspection;

namespace Aidge.Compiler.Compilation;

/// <summary>What <c>aidgec compile</c> was asked to do (see the compile contract in the brief).</summary>
public sealed record CompileOptions(
    string ModelPath,
    string Target,
    string OutputDirectory,
    string? ClassName,
    string? Namespace,
    DimBindings Dims,
    string Optimize = "O2",
    string? CCompiler = null,
    bool NoNative = false,
    int Threads = 0,
    bool NoVerify = false,
    bool NoReport = false,
    bool ReportOnly = false);
