using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// A generated elementwise helper: one C function per operator, input type and output type, whose body applies
/// <see cref="Expression"/> to each element. Named <c>aidge_&lt;op&gt;_&lt;in&gt;[_&lt;out&gt;]</c>.
/// </summary>
public abstract record ElementwiseHelper(string Op, DataType Input, DataType Output, string Expression) : CHelper
{
    public override string Name => $"aidge_{Op}_{CTypes.Tag(Input)}{(Input == Output ? string.Empty : "_" + CTypes.Tag(Output))}";

    protected string InputType => CTypes.Of(Input)!;

    protected string OutputType => CTypes.Of(Output)!;
}
