namespace Aidge.Conformance;

/// <summary>
/// How a native target's conformance cases build into one library (<see cref="BatchCompiler"/>): the compiler, the
/// arguments compiling the case <c>prefix</c>'s source into <c>prefix.o</c> (run in the batch folder), and the
/// arguments linking the objects into <see cref="LibraryName"/>. <see cref="Name"/> prefixes the failure reasons.
/// <see cref="Prelude"/>, when set, is precompiled once and included first by every case.
/// </summary>
public sealed record BatchToolchain(
    string Name,
    string Compiler,
    Func<string, IReadOnlyList<string>> CompileArguments,
    Func<IReadOnlyList<string>, string, IReadOnlyList<string>> LinkArguments,
    string LibraryName,
    PrecompiledPrelude? Prelude = null);

/// <summary>
/// Headers that every case of a C++ batch includes, precompiled once (GCC's <c>.gch</c> beside the prelude) with the
/// cases' own <paramref name="CodeFlags"/>, then forced first into each case with <c>-include</c>. Parsing the C++
/// standard headers is most of a small case's compile time, hundreds of times over; the headers have include guards,
/// so the cases' own includes of them do nothing, and a precompiled file the compiler finds unusable is ignored and the
/// text parsed instead (slower, same result).
/// </summary>
public sealed record PrecompiledPrelude(IReadOnlyList<string> Includes, IReadOnlyList<string> CodeFlags)
{
    public const string FileName = "batch_prelude.h";

    public string Content => "/* Included first by every case of this conformance batch (precompiled once). */\n" +
        string.Concat(Includes.Select(include => $"#include {include}\n"));

    /// <summary>
    /// Arguments compiling the prelude into its <c>.gch</c>, in the batch folder. A language the code flags set
    /// (<c>-x c++</c> for .cu files) is left out: after it, g++ would compile the header as a program and link it.
    /// </summary>
    public IReadOnlyList<string> PrecompileArguments => ["-x", "c++-header", .. WithoutLanguage(CodeFlags), FileName, "-o", FileName + ".gch"];

    /// <summary>The arguments that make a case's compile include the prelude first.</summary>
    public static IReadOnlyList<string> IncludeArguments => ["-include", FileName];

    private static IEnumerable<string> WithoutLanguage(IReadOnlyList<string> flags)
    {
        for (int i = 0; i < flags.Count; i++)
        {
            if (flags[i] == "-x")
            {
                i++;
                continue;
            }
            yield return flags[i];
        }
    }
}
