namespace Aidge.Export.Hls.Model;

/// <summary>
/// What a loop of a layer does, which is all the pragma policy (<see cref="Writers.HlsPragmas"/>) needs to place
/// PIPELINE and UNROLL: the emitters describe their loops, the options decide the pragmas.
/// </summary>
public enum HlsLoopRole
{
    /// <summary>An outer loop over output elements (batch, channels, rows): no pragma; the pipeline sits inside it.</summary>
    Outer,

    /// <summary>The loop producing one output element per iteration; the reduction loops it holds multiply into that element.</summary>
    PerOutput,

    /// <summary>A loop over the terms summed (or compared) into one output element: input channels, kernel taps, a row.</summary>
    Reduction,
}

/// <summary>A counted loop <c>for (int Variable = 0; Variable &lt; Trips; Variable++)</c> and its role.</summary>
public sealed record HlsLoop(string Variable, long Trips, HlsLoopRole Role);

/// <summary>What one statement of a layer body is: a loop header, a plain line, or the end of the innermost open loop or block.</summary>
public enum HlsStatementKind
{
    Loop,
    Line,
    Open,
    End,
}

/// <summary>One statement of a layer body; <see cref="Loop"/> is set for loop headers, <see cref="Text"/> for lines and opened blocks.</summary>
public sealed record HlsStatement(HlsStatementKind Kind, string Text, HlsLoop? Loop = null);
