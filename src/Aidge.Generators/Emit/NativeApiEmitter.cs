using Aidge.Generators.Model;

namespace Aidge.Generators.Emit
{
    /// <summary>
    /// Writes the nested NativeApi class: it loads the model's library from the application's folder with
    /// NativeLibrary, resolves the C ABI (version 1) into unmanaged function pointers (blittable, no marshalling; the
    /// only binding generated code can use, since LibraryImport is itself a generator), and checks at load time that
    /// the library matches the manifest the class was generated from.
    /// </summary>
    internal static class NativeApiEmitter
    {
        private const int AbiVersion = 1;

        public static void Write(SourceWriter writer, ModelClassSpec model)
        {
            writer.Line("/// <summary>The native library's exports, resolved once per process.</summary>");
            writer.Open("private sealed class NativeApi");
            writer.Line($"private const string LibraryName = {CSharpText.Literal(model.Library)};");
            writer.Line("private static readonly object s_gate = new object();");
            writer.Line("private static NativeApi? s_loaded;");
            writer.Line();
            writer.Line("internal readonly delegate* unmanaged[Cdecl]<void*> Create;");
            writer.Line("internal readonly delegate* unmanaged[Cdecl]<void*, int, void> SetThreads;");
            writer.Line("internal readonly delegate* unmanaged[Cdecl]<void*, void**, void**, int> Run;");
            writer.Line("internal readonly delegate* unmanaged[Cdecl]<void*, void> Destroy;");
            writer.Line();
            writer.Line("private NativeApi(nint library)");
            writer.Open();
            writer.Line($"Create = (delegate* unmanaged[Cdecl]<void*>)Export(library, {Symbol(model, "create")});");
            writer.Line($"SetThreads = (delegate* unmanaged[Cdecl]<void*, int, void>)Export(library, {Symbol(model, "set_threads")});");
            writer.Line($"Run = (delegate* unmanaged[Cdecl]<void*, void**, void**, int>)Export(library, {Symbol(model, "run")});");
            writer.Line($"Destroy = (delegate* unmanaged[Cdecl]<void*, void>)Export(library, {Symbol(model, "destroy")});");
            writer.Close();
            writer.Line();
            WriteLoad(writer, model);
            WriteOpen(writer, model);
            WriteCheckAbi(writer, model);
            WriteHelpers(writer, model);
            writer.Close();
        }

        // One load per process, retried after a failure (the user may fix the library and try again).
        private static void WriteLoad(SourceWriter writer, ModelClassSpec model)
        {
            writer.Open("internal static NativeApi Load()");
            writer.Open("lock (s_gate)");
            writer.Line("return s_loaded ??= Open();");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        private static void WriteOpen(SourceWriter writer, ModelClassSpec model)
        {
            string owner = $"The native library '{model.Library}' of model {model.ClassName}";
            writer.Open("private static NativeApi Open()");
            writer.Line("string path = global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, LibraryName);");
            writer.Open("if (!global::System.IO.File.Exists(path))");
            writer.Line($"throw new global::System.DllNotFoundException({MissingLibraryMessage(model, owner)});");
            writer.Close();
            writer.Line();
            writer.Line("nint library;");
            writer.Open("try");
            writer.Line("library = global::System.Runtime.InteropServices.NativeLibrary.Load(path);");
            writer.Close();
            writer.Line("catch (global::System.Exception e) when (e is global::System.DllNotFoundException || e is global::System.BadImageFormatException)");
            writer.Open();
            writer.Line($"throw new global::System.DllNotFoundException({CSharpText.Literal(owner + " at '")} + path + {CSharpText.Literal("' could not be loaded (" )} + e.Message + {CSharpText.Literal("). It must be built for this OS and architecture, with its runtime dependencies (e.g. the OpenMP runtime) installed; rebuild the project on this platform.")}, e);");
            writer.Close();
            writer.Line();
            writer.Line("CheckAbi(library);");
            writer.Line("return new NativeApi(library);");
            writer.Close();
            writer.Line();
        }

        // nativeBuilt=false means the compiler knew at build time why there is no library. Its message names the
        // toolchain of the item's target and how to point at one (a C compiler, nvcc, a C++ compiler), so it is quoted
        // as it is rather than followed by advice that fits only one target.
        private static string MissingLibraryMessage(ModelClassSpec model, string owner)
        {
            if (!model.NativeBuilt)
            {
                string reason = model.NativeMessage ?? "no reason was recorded";
                return CSharpText.Literal($"{owner} was not built: {reason}. Fix that and rebuild the project.");
            }

            return $"{CSharpText.Literal(owner + " was not found at '")} + path + {CSharpText.Literal("'. The Aidge.Build targets copy it next to the application: rebuild the project, or copy the library there.")}";
        }

        private static void WriteCheckAbi(SourceWriter writer, ModelClassSpec model)
        {
            string owner = CSharpText.Literal($"The native library '{model.Library}' of model {model.ClassName}");
            string rebuild = CSharpText.Literal(". Rebuild the project so that the library and this class come from the same model and Aidge.Build version.");
            string qualifiedClass = ModelClassEmitter.Qualified(model, model.ClassName);
            writer.Open("private static void CheckAbi(nint library)");
            writer.Line($"int abiVersion = ((delegate* unmanaged[Cdecl]<int>)Export(library, {Symbol(model, "abi_version")}))();");
            writer.Line($"int inputCount = ((delegate* unmanaged[Cdecl]<int>)Export(library, {Symbol(model, "input_count")}))();");
            writer.Line($"int outputCount = ((delegate* unmanaged[Cdecl]<int>)Export(library, {Symbol(model, "output_count")}))();");
            writer.Line($"delegate* unmanaged[Cdecl]<int, long> inputSize = (delegate* unmanaged[Cdecl]<int, long>)Export(library, {Symbol(model, "input_size")});");
            writer.Line($"delegate* unmanaged[Cdecl]<int, long> outputSize = (delegate* unmanaged[Cdecl]<int, long>)Export(library, {Symbol(model, "output_size")});");
            writer.Open($"if (abiVersion != {AbiVersion})");
            writer.Line($"throw new global::System.InvalidOperationException({owner} + \" implements Aidge ABI version \" + abiVersion + \", but this class was generated for version {AbiVersion}\" + {rebuild});");
            writer.Close();
            writer.Line();
            writer.Open($"if (inputCount != {model.Inputs.Count} || outputCount != {model.Outputs.Count})");
            writer.Line($"throw new global::System.InvalidOperationException({owner} + \" has \" + inputCount + \" inputs and \" + outputCount + \" outputs, but this class expects {model.Inputs.Count} and {model.Outputs.Count}\" + {rebuild});");
            writer.Close();
            writer.Line();
            for (int i = 0; i < model.Inputs.Count; i++)
            {
                TensorSpec tensor = model.Inputs[i];
                writer.Line($"CheckSize(inputSize({i}), {qualifiedClass}.{tensor.PropertyName}Length, {CSharpText.Literal(TensorText.Message(tensor, "input"))});");
            }

            for (int i = 0; i < model.Outputs.Count; i++)
            {
                TensorSpec tensor = model.Outputs[i];
                writer.Line($"CheckSize(outputSize({i}), {qualifiedClass}.{tensor.PropertyName}Length, {CSharpText.Literal(TensorText.Message(tensor, "output"))});");
            }

            writer.Close();
            writer.Line();
            writer.Open("private static void CheckSize(long actual, int expected, string tensor)");
            writer.Open("if (actual != expected)");
            writer.Line($"throw new global::System.InvalidOperationException({owner} + \" gives the \" + tensor + \" \" + actual + \" elements, but this class expects \" + expected + {rebuild});");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        private static void WriteHelpers(SourceWriter writer, ModelClassSpec model)
        {
            writer.Open("private static nint Export(nint library, string name)");
            writer.Open("if (!global::System.Runtime.InteropServices.NativeLibrary.TryGetExport(library, name, out nint address))");
            writer.Line($"throw new global::System.EntryPointNotFoundException({CSharpText.Literal($"The native library '{model.Library}' of model {model.ClassName} has no export '")} + name + \"'; it was not built by Aidge.Build for this model. Rebuild the project.\");");
            writer.Close();
            writer.Line();
            writer.Line("return address;");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Throws when a span's length differs from its tensor's, before any native code can touch it.</summary>");
            writer.Open("internal static void CheckLength(int actual, int expected, string parameterName, string tensor)");
            writer.Open("if (actual != expected)");
            writer.Line("throw new global::System.ArgumentException(tensor + \" needs a span of \" + expected + \" elements, but the span has \" + actual + \".\", parameterName);");
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Open("internal static global::System.InvalidOperationException RunFailed(int status)");
            writer.Line($"return new global::System.InvalidOperationException({CSharpText.Literal($"The native run of model {model.ClassName} failed with status ")} + status + \".\");");
            writer.Close();
        }

        private static string Symbol(ModelClassSpec model, string function) =>
            CSharpText.Literal(model.SymbolPrefix + "_" + function);
    }
}
