namespace Aidge.Export.OpenMp.Plan;

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
/// A hand-written helper kept as OpenMp/Runtime/&lt;function&gt;.c (an embedded resource), e.g. the shared GEMM.
/// The file's first line may name the helpers it calls: <c>/* needs: aidge_gemm_f32 */</c>.
/// </summary>
public sealed record RuntimeHelper(string Function) : CHelper
{
    private const string NeedsMarker = "/* needs:";

    public override string Name => Function;

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
            return list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => new RuntimeHelper(name));
        }
    }

    public override string Code() => RuntimeSources.Read(Function);
}
