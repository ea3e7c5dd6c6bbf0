using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// A generated elementwise helper: one C function per operator, input type and output type, whose body applies
/// <see cref="Expression"/> to each element. Named <c>aidge_&lt;op&gt;_&lt;in&gt;[_&lt;out&gt;]</c>. Half types (held
/// as raw 16-bit patterns) are decoded to float before the expression and the result encoded back, so expressions
/// only ever see C arithmetic types.
/// </summary>
public abstract record ElementwiseHelper(string Op, DataType Input, DataType Output, string Expression) : CHelper
{
    public override string Name => $"aidge_{Op}_{CTypes.Tag(Input)}{(Input == Output ? string.Empty : "_" + CTypes.Tag(Output))}";

    /// <summary>A hand-written runtime function the expression calls (e.g. aidge_ipow), if any.</summary>
    public string? Runtime { get; init; }

    public override IEnumerable<CHelper> Needs =>
        (Types.Any(IsHalf) ? [new RuntimeHelper("aidge_half")] : Array.Empty<CHelper>()).Concat(Runtime is null ? [] : [new RuntimeHelper(Runtime)]);

    /// <summary>Every element type the function reads or writes.</summary>
    protected virtual IEnumerable<DataType> Types => [Input, Output];

    protected string InputType => CTypes.Of(Input)!;

    protected string OutputType => CTypes.Of(Output)!;

    /// <summary>The C type an element is computed in: float for half types, the storage type otherwise.</summary>
    public static string ComputeType(DataType type) => ElementTypeSets.ComputeType(type);

    /// <summary>The value of a stored element as <see cref="ComputeType"/>.</summary>
    public static string Load(DataType type, string element) => type switch
    {
        DataType.Float16 => $"aidge_half_to_float({element})",
        DataType.BFloat16 => $"aidge_bfloat16_to_float({element})",
        _ => element,
    };

    /// <summary>The expression's value converted to the stored output type.</summary>
    protected string Store(string value) => Store(Output, value);

    /// <summary>A computed value converted to the stored type <paramref name="type"/>.</summary>
    public static string Store(DataType type, string value) => type switch
    {
        DataType.Float16 => $"aidge_float_to_half((float)({value}))",
        DataType.BFloat16 => $"aidge_float_to_bfloat16((float)({value}))",
        _ => $"({CTypes.Of(type)})({value})",
    };

    public static bool IsHalf(DataType type) => type is DataType.Float16 or DataType.BFloat16;
}
