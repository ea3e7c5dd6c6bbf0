using System.Runtime.InteropServices;

namespace Aidge.Compiler.Verification;

/// <summary>
/// One context of a generated library, called through its C ABI (version 1) with unmanaged function pointers, the way
/// the generated C# binds it: what the build-time check, the conformance runner and the benchmarks execute.
/// Disposing destroys the context but keeps the library loaded, as the generated classes do: unloading it could also
/// unload the OpenMP runtime it brought in while that runtime's worker threads are still alive (a crash). A rebuilt
/// library is a new file (written beside, then moved), so loading it again gets the new code.
/// </summary>
public sealed unsafe class NativeModel : IDisposable
{
    public const int AbiVersion = 1;

    private readonly delegate* unmanaged[Cdecl]<nint, int, void> setThreads;
    private readonly delegate* unmanaged[Cdecl]<nint, void**, void**, int> run;
    private readonly delegate* unmanaged[Cdecl]<nint, void> destroy;
    private nint context;

    /// <exception cref="InvalidOperationException">The library speaks another ABI version or cannot create a context.</exception>
    private NativeModel(nint library, string prefix)
    {
        nint Export(string function) => NativeLibrary.GetExport(library, $"{prefix}_{function}");
        int version = ((delegate* unmanaged[Cdecl]<int>)Export("abi_version"))();
        if (version != AbiVersion)
        {
            throw new InvalidOperationException($"{prefix} has C ABI version {version}; this code speaks version {AbiVersion}.");
        }
        var inputSize = (delegate* unmanaged[Cdecl]<int, long>)Export("input_size");
        var outputSize = (delegate* unmanaged[Cdecl]<int, long>)Export("output_size");
        InputSizes = Enumerable.Range(0, ((delegate* unmanaged[Cdecl]<int>)Export("input_count"))()).Select(i => inputSize(i)).ToList();
        OutputSizes = Enumerable.Range(0, ((delegate* unmanaged[Cdecl]<int>)Export("output_count"))()).Select(i => outputSize(i)).ToList();
        var create = (delegate* unmanaged[Cdecl]<nint>)Export("create");
        setThreads = (delegate* unmanaged[Cdecl]<nint, int, void>)Export("set_threads");
        run = (delegate* unmanaged[Cdecl]<nint, void**, void**, int>)Export("run");
        destroy = (delegate* unmanaged[Cdecl]<nint, void>)Export("destroy");
        context = create();
        if (context == 0)
        {
            throw new InvalidOperationException($"{prefix}_create returned NULL: the activation arena could not be allocated.");
        }
    }

    /// <summary>Element counts of the inputs, in graph order, as the library reports them.</summary>
    public IReadOnlyList<long> InputSizes { get; }

    /// <summary>Element counts of the outputs, in graph order, as the library reports them.</summary>
    public IReadOnlyList<long> OutputSizes { get; }

    /// <summary>Loads the library file (it stays loaded) and creates a context of the model <paramref name="prefix"/>.</summary>
    public static NativeModel Open(string libraryPath, string prefix) => new(NativeLibrary.Load(libraryPath), prefix);

    /// <summary>Creates a context of the model <paramref name="prefix"/> in a library the caller loaded (one holding many models).</summary>
    public static NativeModel In(nint library, string prefix) => new(library, prefix);

    /// <summary>Sets the context's thread count (0 = the OpenMP default).</summary>
    public void SetThreads(int threads) => setThreads(context, threads);

    /// <summary>Runs the model on buffers the caller keeps pinned; returns <c>run</c>'s status (0 = ok).</summary>
    public int Run(void** inputs, void** outputs)
    {
        ObjectDisposedException.ThrowIf(context == 0, this);
        return run(context, inputs, outputs);
    }

    /// <summary>Runs the model on dense input buffers in graph order, writing the output buffers; returns <c>run</c>'s status (0 = ok).</summary>
    public int Run(IReadOnlyList<byte[]> inputs, IReadOnlyList<byte[]> outputs)
    {
        var handles = inputs.Concat(outputs).Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToList();
        try
        {
            var pointers = stackalloc void*[Math.Max(1, handles.Count)];
            for (int i = 0; i < handles.Count; i++)
            {
                pointers[i] = (void*)handles[i].AddrOfPinnedObject();
            }
            return Run(pointers, pointers + inputs.Count);
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
