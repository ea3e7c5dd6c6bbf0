using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Generators;

/// <summary>A [rows, cols] matrix of zeros with ones where c − r = k. Generated per element type.</summary>
public sealed record EyeHelper(DataType Type) : TypedHelper("eye", Type)
{
    protected override void Write(CSourceWriter w, string t)
    {
        w.Open($"static void {Name}({t}* out, int64_t rows, int64_t cols, int64_t k)");
        w.Open("for (int64_t r = 0; r < rows; r++)");
        w.Open("for (int64_t c = 0; c < cols; c++)");
        w.Line($"out[r * cols + c] = ({t})(c - r == k);");
        w.Close();
        w.Close();
        w.Close();
    }
}

/// <summary>EyeLike: the output (of the dtype attribute's type, else the input's) depends only on the static shape.</summary>
[OpenMpEmitter("EyeLike")]
public sealed class EyeLike : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var output = node.Output(0);
        node.RequireType(output, [.. ElementTypeSets.Numeric, DataType.Bool]);
        if (output.Rank != 2)
        {
            throw node.Unsupported("needs a 2-D input");
        }
        yield return new KernelCall(new EyeHelper(output.Type), new[]
        {
            output.Write, CLiteral.Int(output.Dims[0]), CLiteral.Int(output.Dims[1]), CLiteral.Int(node.GetInt("k")),
        }.ToEquatableArray());
    }
}
