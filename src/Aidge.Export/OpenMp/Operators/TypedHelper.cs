using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>
/// A helper generated once per element type, named <c>aidge_&lt;stem&gt;_&lt;type tag&gt;</c>: subclasses only write
/// the function body text with the element's C type at hand.
/// </summary>
public abstract record TypedHelper(string Stem, DataType Type) : CHelper
{
    public override string Name => $"aidge_{Stem}_{CTypes.Tag(Type)}";

    public sealed override string Code()
    {
        var w = new CSourceWriter();
        Write(w, CTypes.Of(Type)!);
        return w.ToString();
    }

    /// <summary>Writes the C function(s); <paramref name="t"/> is the element's C type.</summary>
    protected abstract void Write(CSourceWriter w, string t);
}
