using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// LRN over [N, C, plane]: y = x / (bias + alpha/size · Σ x²)^beta, the sum over channels [c − below, c + above]
/// clipped to the tensor, in double.
/// </summary>
public sealed record LocalResponseHelper(DataType Type) : TypedHelper("lrn", Type)
{
    protected override void Write(CSourceWriter w, string t)
    {
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int64_t images, int64_t channels, int64_t plane, int64_t below, int64_t above, double alpha_over_size, double beta, double bias)");
        w.Line("#pragma omp parallel for num_threads(threads) if (images * channels * plane > 16384)");
        w.Open("for (int64_t ic = 0; ic < images * channels; ic++)");
        w.Line("const int64_t c = ic % channels;");
        w.Line("const int64_t from = c - below < 0 ? 0 : c - below;");
        w.Line("const int64_t to = c + above > channels - 1 ? channels - 1 : c + above;");
        w.Line($"const {t}* image = in + (ic - c) * plane;");
        w.Open("for (int64_t i = 0; i < plane; i++)");
        w.Line("double squares = 0;");
        w.Open("for (int64_t k = from; k <= to; k++)");
        w.Line("const double v = image[k * plane + i];");
        w.Line("squares += v * v;");
        w.Close();
        w.Line($"out[ic * plane + i] = ({t})(in[ic * plane + i] / pow(bias + alpha_over_size * squares, beta));");
        w.Close();
        w.Close();
        w.Close();
    }
}

[OpenMpEmitter("LRN")]
public sealed class LocalResponseNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Float);
        long size = node.GetInt("size");
        if (input.Rank < 2 || size <= 0)
        {
            throw node.Unsupported("LRN needs an input of rank 2 or more and a positive size");
        }
        long below = (size - 1) / 2;
        yield return new KernelCall(new LocalResponseHelper(input.Type), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, CLiteral.Int(input.Dims[0]), CLiteral.Int(input.Dims[1]), CLiteral.Int(TensorLayout.Product(input.Dims, 2, input.Rank)),
            CLiteral.Int(below), CLiteral.Int(size - 1 - below), CLiteral.Double((double)node.GetFloat("alpha") / size), CLiteral.Double(node.GetFloat("beta")), CLiteral.Double(node.GetFloat("bias")),
        }.ToEquatableArray());
    }
}
