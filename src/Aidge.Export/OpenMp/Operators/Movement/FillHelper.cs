using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// Sets every element of a tensor to one value read through a pointer (a constant input, a runtime scalar, or a
/// compound literal), or to zero when the pointer is NULL. Generated per element type: the value is typed.
/// </summary>
public sealed record FillHelper(DataType Type) : CHelper
{
    public override string Name => $"aidge_fill_{CTypes.Tag(Type)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, {t}* out, int64_t n, const {t}* value)");
        w.Line($"const {t} v = value != NULL ? *value : ({t})0;");
        w.Line("#pragma omp parallel for num_threads(threads) if (n > 65536)");
        w.Open("for (int64_t i = 0; i < n; i++)");
        w.Line("out[i] = v;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    public static KernelCall Call(TensorRef target, string valuePointer) =>
        new(new FillHelper(target.Type), new[] { NodeContext.Threads, target.Write, CLiteral.Int(target.ElementCount), valuePointer }.ToEquatableArray());
}
