using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Text;

/// <summary>RegexFullMatch (20): a bool per string, true where the whole string matches <c>pattern</c>.</summary>
public sealed class RegexFullMatch : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("RegexFullMatch", 20).Inputs(1).Outputs(1)
            .RequiredAttr("pattern", AttributeKind.String)
            .Infer(context => context.SetOutput(0, DataType.Bool, context.InputShape(0)));
}
