namespace Aidge.Export.C;

/// <summary>
/// Writes the target-independent half of the C ABI in the library source: the context (thread count and a
/// 64-byte aligned activation arena allocated once in <c>create</c>) and the query, create, set_threads and destroy
/// functions (<see cref="WriteFunctions"/>, for targets that run on the host), or only the queries
/// (<see cref="WriteQueries"/>) and the opening of <c>run</c> for a target with its own context (CUDA). The target writes <c>run</c>.
/// </summary>
public static class AbiWriter
{
    public static void WriteContext(CSourceWriter w, string prefix, long arenaBytes)
    {
        w.Open($"struct {prefix}_context");
        w.Line("int threads;");
        w.Comment("The arena starts at the first 64-byte boundary of the allocation.");
        w.Line("unsigned char* allocation;");
        w.Line("unsigned char* arena;");
        w.Close(";").Line();
        w.Line($"#define {prefix.ToUpperInvariant()}_ARENA_BYTES ((size_t){arenaBytes})").Line();
    }

    public static void WriteFunctions(CSourceWriter w, string prefix, IReadOnlyList<AbiTensor> inputs, IReadOnlyList<AbiTensor> outputs, int defaultThreads)
    {
        string api = Api(prefix);
        WriteQueries(w, prefix, inputs, outputs);

        w.Open($"{api} {prefix}_context* {prefix}_create(void)");
        w.Line($"{prefix}_context* ctx = ({prefix}_context*)calloc(1, sizeof({prefix}_context));");
        w.Open("if (ctx == NULL)").Line("return NULL;").Close();
        w.Line($"ctx->allocation = (unsigned char*)malloc({prefix.ToUpperInvariant()}_ARENA_BYTES + 64);");
        w.Open("if (ctx->allocation == NULL)").Line("free(ctx);").Line("return NULL;").Close();
        w.Line("ctx->arena = (unsigned char*)(((uintptr_t)ctx->allocation + 63) & ~(uintptr_t)63);");
        w.Line($"ctx->threads = {defaultThreads};");
        w.Line("return ctx;");
        w.Close().Line();

        w.Open($"{api} void {prefix}_set_threads({prefix}_context* ctx, int threads)");
        w.Open("if (ctx != NULL)").Line("ctx->threads = threads < 0 ? 0 : threads;").Close();
        w.Close().Line();

        w.Open($"{api} void {prefix}_destroy({prefix}_context* ctx)");
        w.Open("if (ctx != NULL)").Line("free(ctx->allocation);").Line("free(ctx);").Close();
        w.Close().Line();
    }

    /// <summary>The export macro of the library's functions, defined in its header.</summary>
    public static string Api(string prefix) => prefix.ToUpperInvariant() + "_API";

    /// <summary>The functions that describe the library whatever the target: ABI version, tensor counts and sizes.</summary>
    public static void WriteQueries(CSourceWriter w, string prefix, IReadOnlyList<AbiTensor> inputs, IReadOnlyList<AbiTensor> outputs)
    {
        string api = Api(prefix);
        w.Line($"{api} int {prefix}_abi_version(void) {{ return {AbiHeaderWriter.AbiVersion}; }}");
        w.Line($"{api} int {prefix}_input_count(void) {{ return {inputs.Count}; }}");
        w.Line($"{api} int {prefix}_output_count(void) {{ return {outputs.Count}; }}").Line();
        WriteSizes(w, $"{api} int64_t {prefix}_input_size(int index)", inputs);
        WriteSizes(w, $"{api} int64_t {prefix}_output_size(int index)", outputs);
    }

    /// <summary>Opens <c>run</c> and writes its argument checks: 1 for the context or any buffer being NULL.</summary>
    public static void OpenRun(CSourceWriter w, string prefix, int inputCount, int outputCount)
    {
        w.Open($"{Api(prefix)} int {prefix}_run({prefix}_context* ctx, const void* const* inputs, void* const* outputs)");
        w.Open("if (ctx == NULL || inputs == NULL || outputs == NULL)").Line("return 1;").Close();
        for (int i = 0; i < inputCount; i++)
        {
            w.Open($"if (inputs[{i}] == NULL)").Line("return 1;").Close();
        }
        for (int i = 0; i < outputCount; i++)
        {
            w.Open($"if (outputs[{i}] == NULL)").Line("return 1;").Close();
        }
    }

    private static void WriteSizes(CSourceWriter w, string signature, IReadOnlyList<AbiTensor> tensors)
    {
        w.Open(signature);
        w.Open("switch (index)");
        for (int i = 0; i < tensors.Count; i++)
        {
            w.Line($"case {i}: return {tensors[i].ElementCount};");
        }
        w.Line("default: return -1;");
        w.Close();
        w.Close().Line();
    }
}
