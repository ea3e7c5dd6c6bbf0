namespace Aidge.Conformance;

/// <summary>
/// How a native target's conformance cases build into one library (<see cref="BatchCompiler"/>): the compiler, the
/// arguments compiling the case <c>prefix</c>'s source into <c>prefix.o</c> (run in the batch folder), and the
/// arguments linking the objects into <see cref="LibraryName"/>. <see cref="Name"/> prefixes the failure reasons.
/// </summary>
public sealed record BatchToolchain(
    string Name,
    string Compiler,
    Func<string, IReadOnlyList<string>> CompileArguments,
    Func<IReadOnlyList<string>, string, IReadOnlyList<string>> LinkArguments,
    string LibraryName);
