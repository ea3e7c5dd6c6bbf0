using System.Runtime.InteropServices;

namespace Aidge.Compiler.Verification;

/// <summary>
/// One context of a generated library, called through its C ABI (version 1) with unmanaged function pointers, the way
/// the generated C# binds it: what the build-time check and the conformance runner execute.
/// </summary>
public sealed unsafe class NativeModel : IDisposable
{
    private readonly delegate* unmanaged[Cdecl]<nint, int, void> setThreads;
    private readonly delegate* unmanaged[Cdecl]<nint, void**, void**, int> run;
    private readonly delegate* unmanaged[Cdecl]<nint, void> destroy;
    private nint context;

    private NativeModel(nint library, string prefix)
    {
        var create = (delegate* unmanaged[Cdecl]<nint>)NativeLibrary.GetExport(library, $"{prefix}_create");
        setThreads = (delegate* unmanaged[Cdecl]<nint, int, void>)NativeLibrary.GetExport(library, $"{prefix}_set_threads");
        run = (delegate* unmanaged[Cdecl]<nint, void**, void**, int>)NativeLibrary.GetExport(library, $"{prefix}_run");
        destroy = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(library, $"{prefix}_destroy");
        context = create();
        if (context == 0)
        {
            throw new InvalidOperationException($"{prefix}_create returned NULL (the activation arena could not be allocated).");
        }
    }

    /// <summary>
    /// Loads the library file and creates a context. The library stays loaded for the life of the process: unloading it
    /// could also unload the OpenMP runtime it brought in while that runtime's worker threads are still alive (a crash).
    /// A rebuilt library is a new file (written beside, then moved), so loading it again gets the new code.
    /// </summary>
    public static NativeModel Open(string libraryPath, string prefix) => new(NativeLibrary.Load(libraryPath), prefix);

    /// <summary>Creates a context of the model <paramref name="prefix"/> in a library the caller loaded (one holding many models).</summary>
    public static NativeModel In(nint library, string prefix) => new(library, prefix);

    /// <summary>Sets the context's thread count (0 = the OpenMP default).</summary>
    public void SetThreads(int threads) => setThreads(context, threads);

    /// <summary>Runs the model on dense input buffers in graph order, writing the output buffers; returns <c>run</c>'s status (0 = ok).</summary>
    public int Run(IReadOnlyList<byte[]> inputs, IReadOnlyList<byte[]> outputs)
    {
        ObjectDisposedException.ThrowIf(context == 0, this);
        var handles = inputs.Concat(outputs).Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToList();
        try
        {
            var inputPointers = stackalloc void*[Math.Max(1, inputs.Count)];
            var outputPointers = stackalloc void*[Math.Max(1, outputs.Count)];
            for (int i = 0; i < inputs.Count; i++)
            {
                inputPointers[i] = (void*)handles[i].AddrOfPinnedObject();
            }
            for (int i = 0; i < outputs.Count; i++)
            {
                outputPointers[i] = (void*)handles[inputs.Count + i].AddrOfPinnedObject();
            }
            return run(context, inputPointers, outputPointers);
        }
        finally
        {
            handles.ForEach(h => h.Free());
        }
    }

    public void Dispose()
    {
        if (context != 0)
        {
            destroy(context);
            context = 0;
        }
    }
}
