using Aidge.Core.Tensors;
using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// A conversion between two element types: the elementwise helper with the expression that converts, plus the half
/// and bfloat16 conversions (held as raw 16-bit patterns) when either side needs them.
/// </summary>
public sealed record CastHelper(DataType Input, DataType Output) : CHelper
{
    private UnaryHelper Body => new("cast", Input, Output, Expression(Input, Output));

    public override string Name => Body.Name;

    public override IEnumerable<CHelper> Needs => IsHalf(Input) || IsHalf(Output) ? [new RuntimeHelper("aidge_half")] : [];

    public override string Code() => Body.Code();

    public KernelCall Call(TensorRef input, TensorRef output) => Body.Call(input, output) with { Helper = this };

    private static bool IsHalf(DataType type) => type is DataType.Float16 or DataType.BFloat16;

    private static string Expression(DataType input, DataType output)
    {
        string value = input switch
        {
            DataType.Float16 => "aidge_half_to_float(x)",
            DataType.BFloat16 => "aidge_bfloat16_to_float(x)",
            _ => "x",
        };
        return output switch
        {
            DataType.Float16 => $"aidge_float_to_half((float)({value}))",
            DataType.BFloat16 => $"aidge_float_to_bfloat16((float)({value}))",
            DataType.Bool => $"({value}) != 0",
            _ => value,
        };
    }
}

/// <summary>Cast and CastLike between numeric and bool types (C conversions: floats truncate toward zero into integers).</summary>
[OpenMpEmitter("Cast")]
[OpenMpEmitter("CastLike")]
public sealed class Cast : IOpenMpEmitter
{
    private static readonly DataType[] Types = [.. ElementTypeSets.Numeric, DataType.Bool, DataType.Float16, DataType.BFloat16];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(input, Types);
        node.RequireType(output, Types);
        yield return input.Type == output.Type ? Copy.Call(input, output) : new CastHelper(input.Type, output.Type).Call(input, output);
    }
}
