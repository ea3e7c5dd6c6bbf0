namespace Aidge.Export.Plan;

/// <summary>
/// A C function that generated code calls: written once per library however many nodes call it, in dependency order.
/// Helpers are records, so two nodes that need the same function (same op, same element type) share one.
/// </summary>
public abstract record CHelper
{
    /// <summary>The C function name; unique per distinct helper.</summary>
    public abstract string Name { get; }

    /// <summary>Helpers this one calls, written before it.</summary>
    public virtual IEnumerable<CHelper> Needs => [];

    /// <summary>The C definition (a <c>static</c> function).</summary>
    public abstract string Code();
}

/// <summary>
/// A hand-written helper kept as an embedded source file named after its function (one per target's Runtime folder).
/// The file's first line may name the helpers it calls: <c>/* needs: aidge_gemm_f32 */</c>; they are of the same kind.
/// </summary>
public abstract record EmbeddedHelper(string Function) : CHelper
{
    private const string NeedsMarker = "/* needs:";

    public override string Name => Function;

    /// <summary>The embedded resource holding the function's source.</summary>
    protected abstract string ResourceName { get; }

    /// <summary>The helper of this kind named <paramref name="function"/>, for the needs line.</summary>
    protected abstract EmbeddedHelper Named(string function);

    public override IEnumerable<CHelper> Needs
    {
        get
        {
            string code = Code();
            if (!code.StartsWith(NeedsMarker, StringComparison.Ordinal))
            {
                return [];
            }
            string list = code[NeedsMarker.Length..code.IndexOf("*/", StringComparison.Ordinal)];
            return list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Named);
        }
    }

    public override string Code() => RuntimeSources.Read(ResourceName);
}

/// <summary>A hand-written C helper of the OpenMP target, kept as OpenMp/Runtime/&lt;function&gt;.c (e.g. the shared GEMM).</summary>
public sealed record RuntimeHelper(string Function) : EmbeddedHelper(Function)
{
    protected override string ResourceName => $"Aidge.Export.OpenMp.Runtime.{Function}.c";

    protected override EmbeddedHelper Named(string function) => new RuntimeHelper(function);
}
