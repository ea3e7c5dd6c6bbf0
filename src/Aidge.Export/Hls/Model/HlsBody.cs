using Aidge.Export.C;

namespace Aidge.Export.Hls.Model;

/// <summary>
/// Builds a layer body as statements: counted loops with their role, plain C++ lines, and blocks (an <c>if</c>). The
/// emitters write what to compute with constant bounds; <see cref="Writers.HlsLayerWriter"/> writes the loops with
/// labels and the pragmas the options ask for.
/// </summary>
public sealed class HlsBody
{
    private readonly List<HlsStatement> statements = new();
    private int open;

    /// <summary>Opens <c>for (int variable = 0; variable &lt; trips; variable++)</c>; close it with <see cref="End"/>.</summary>
    public HlsBody For(string variable, long trips, HlsLoopRole role)
    {
        statements.Add(new HlsStatement(HlsStatementKind.Loop, string.Empty, new HlsLoop(variable, trips, role)));
        open++;
        return this;
    }

    /// <summary>Opens a block such as <c>if (...)</c>; close it with <see cref="End"/>.</summary>
    public HlsBody Open(string header)
    {
        statements.Add(new HlsStatement(HlsStatementKind.Open, header));
        open++;
        return this;
    }

    public HlsBody Line(string text)
    {
        statements.Add(new HlsStatement(HlsStatementKind.Line, text));
        return this;
    }

    public HlsBody End()
    {
        if (open == 0)
        {
            throw new InvalidOperationException("End without an open loop or block in an HLS layer body.");
        }
        statements.Add(new HlsStatement(HlsStatementKind.End, string.Empty));
        open--;
        return this;
    }

    public EquatableArray<HlsStatement> Build() =>
        open == 0 ? statements.ToEquatableArray() : throw new InvalidOperationException("An HLS layer body has an unclosed loop or block.");
}
