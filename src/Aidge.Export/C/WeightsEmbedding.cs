namespace Aidge.Export.C;

/// <summary>
/// Pulls the weights file into the library with the assembler's <c>.incbin</c>, in a read-only section, 64-byte
/// aligned, under a hidden symbol. The compiler never parses the data, so a 100 MB model builds as fast as a small
/// one. The file is found through the assembler's include path (<c>-Wa,-I&lt;dir&gt;</c>), which the build passes.
/// Section and symbol spellings differ on ELF, Mach-O and PE; gcc and clang give the symbol prefix.
/// A CUDA source passes <paramref name="hostOnly"/>: the preprocessor condition of its host compilation, since the
/// device passes (nvcc's, clang's PTX) parse the same file and must not see host assembly. There the weights file is
/// found in the compiler's working folder, or in the folder the AIDGE_WEIGHTS_DIR macro names (CMake's build).
/// </summary>
public static class WeightsEmbedding
{
    public static void Write(CSourceWriter w, string symbol, string weightsFile, string? hostOnly = null)
    {
        w.Line("#define AIDGE_STR2(x) #x");
        w.Line("#define AIDGE_STR(x) AIDGE_STR2(x)");
        w.Line("#if defined(__APPLE__)");
        w.Line("#define AIDGE_RODATA \".const_data\\n\"");
        w.Line("#define AIDGE_HIDE(s) \".private_extern \" s \"\\n\"");
        w.Line("#elif defined(_WIN32)");
        w.Line("#define AIDGE_RODATA \".section .rdata,\\\"dr\\\"\\n\"");
        w.Line("#define AIDGE_HIDE(s) \"\"");
        w.Line("#else");
        w.Line("#define AIDGE_RODATA \".section .rodata\\n\"");
        w.Line("#define AIDGE_HIDE(s) \".hidden \" s \"\\n\"");
        w.Line("#endif");
        w.Line($"#define AIDGE_WEIGHTS_SYMBOL AIDGE_STR(__USER_LABEL_PREFIX__) \"{symbol}\"");
        if (hostOnly is not null)
        {
            w.Line("#ifndef AIDGE_WEIGHTS_DIR").Line("#define AIDGE_WEIGHTS_DIR \"\"").Line("#endif");
            w.Line($"#if {hostOnly}");
        }
        w.Line("__asm__(AIDGE_RODATA");
        w.Line("        \".balign 64\\n\"");
        w.Line("        \".globl \" AIDGE_WEIGHTS_SYMBOL \"\\n\"");
        w.Line("        AIDGE_HIDE(AIDGE_WEIGHTS_SYMBOL)");
        w.Line("        AIDGE_WEIGHTS_SYMBOL \":\\n\"");
        // Under hostOnly the folder may be given (AIDGE_WEIGHTS_DIR, with its trailing slash): nvcc passes no -Wa flag through.
        w.Line(hostOnly is null ? $"        \".incbin \\\"{weightsFile}\\\"\\n\"" : $"        \".incbin \\\"\" AIDGE_WEIGHTS_DIR \"{weightsFile}\\\"\\n\"");
        w.Comment("One byte more, so the symbol has storage even when the model has no weights.");
        w.Line("        \".byte 0\\n\"");
        w.Line("        \".text\\n\");");
        if (hostOnly is not null)
        {
            w.Line("#endif");
        }
        w.Line("#if !defined(_WIN32)");
        w.Line("__attribute__((visibility(\"hidden\")))");
        w.Line("#endif");
        w.Line($"extern const unsigned char {symbol}[];");
        w.Line("#undef AIDGE_WEIGHTS_SYMBOL").Line();
    }
}
