using Aidge.Core.Tensors;

namespace Aidge.Testing;

/// <summary>
/// Transformer layers as torch.onnx exported them before opsets 17 (LayerNormalization) and 20 (Gelu): nn.Linear on a
/// 3-D input as MatMul then Add(bias, ·), LayerNorm as its ReduceMean/Sub/Pow/Sqrt/Div chain, GELU as its Erf chain,
/// and the scalars of those chains as Constant nodes. Seeded random weights; each method takes the name of its input
/// value and returns the name of its output value.
/// </summary>
public static class TransformerBlocks
{
    /// <summary>A scalar as torch.onnx wrote one: a Constant node.</summary>
    public static string ScalarConstant(this ModelBuilder b, float value)
    {
        string name = b.Fresh("constant");
        b.Node("Constant", [], [name], ("value", Tensor.Scalar(value)));
        return name;
    }

    /// <summary>nn.Linear on the last axis: MatMul by the [in, out] weight, then Add(bias, product).</summary>
    public static string MatMulLinear(this ModelBuilder b, string input, long inFeatures, long outFeatures)
    {
        string weight = b.Fresh("linear_w"), bias = b.Fresh("linear_b"), product = b.Fresh("matmul"), output = b.Fresh("linear");
        // Uniform in ±sqrt(3/in) has variance 1/in, which keeps activations of unit size through the layer.
        b.RandomInitializer(weight, MathF.Sqrt(3f / inFeatures), inFeatures, outFeatures)
            .RandomInitializer(bias, 0.1f, outFeatures)
            .Node("MatMul", [input, weight], [product])
            .Node("Add", [bias, product], [output]);
        return output;
    }

    /// <summary>
    /// LayerNorm over the last <paramref name="normalizedDims"/>.Length axes, decomposed:
    /// ReduceMean → Sub → Pow 2 → ReduceMean → Add ε → Sqrt → Div (→ Mul γ → Add β). ReduceMean takes its axes as an
    /// attribute before opset 18 and as an input from 18.
    /// </summary>
    public static string DecomposedLayerNorm(this ModelBuilder b, string input, long[] normalizedDims, float epsilon = 1e-12f, bool affine = true)
    {
        var axes = Enumerable.Range(-normalizedDims.Length, normalizedDims.Length).Select(a => (long)a).ToArray();
        string mean = b.ReduceMean(input, axes), centred = b.Fresh("centred"), squared = b.Fresh("squared");
        string sum = b.Fresh("variance_eps"), deviation = b.Fresh("deviation"), normalized = b.Fresh("normalized");
        b.Node("Sub", [input, mean], [centred])
            .Node("Pow", [centred, b.ScalarConstant(2f)], [squared]);
        string variance = b.ReduceMean(squared, axes);
        b.Node("Add", [variance, b.ScalarConstant(epsilon)], [sum])
            .Node("Sqrt", [sum], [deviation])
            .Node("Div", [centred, deviation], [normalized]);
        if (!affine)
        {
            return normalized;
        }
        string gamma = b.Fresh("ln_gamma"), beta = b.Fresh("ln_beta"), scaled = b.Fresh("ln_scaled"), output = b.Fresh("ln");
        b.Initializer(gamma, b.UniformTensor(0.5f, 1.5f, normalizedDims))
            .Initializer(beta, b.UniformTensor(-0.1f, 0.1f, normalizedDims))
            .Node("Mul", [normalized, gamma], [scaled])
            .Node("Add", [scaled, beta], [output]);
        return output;
    }

    /// <summary>ReduceMean keeping dims, its axes as the opset of the model wants them.</summary>
    public static string ReduceMean(this ModelBuilder b, string input, long[] axes)
    {
        string output = b.Fresh("mean");
        if (b.Opset < 18)
        {
            b.Node("ReduceMean", [input], [output], ("axes", axes));
        }
        else
        {
            string axesName = b.Fresh("axes");
            b.Initializer(axesName, axes, axes.Length).Node("ReduceMean", [input, axesName], [output]);
        }
        return output;
    }

    /// <summary>GELU as torch.nn.functional.gelu was exported: Div(x, √2) → Erf → Add 1 → Mul(x, ·) → Mul(·, 0.5).</summary>
    public static string ErfGelu(this ModelBuilder b, string input)
    {
        string scaled = b.Fresh("gelu_scaled"), erf = b.Fresh("gelu_erf"), onePlus = b.Fresh("gelu_one_plus"), product = b.Fresh("gelu_product"), output = b.Fresh("gelu");
        b.Node("Div", [input, b.ScalarConstant(1.4142135381698608f)], [scaled])
            .Node("Erf", [scaled], [erf])
            .Node("Add", [erf, b.ScalarConstant(1f)], [onePlus])
            .Node("Mul", [input, onePlus], [product])
            .Node("Mul", [product, b.ScalarConstant(0.5f)], [output]);
        return output;
    }

    /// <summary>
    /// The tanh approximation as Hugging Face's gelu_new was exported:
    /// 0.5·x first, then times 1 + Tanh(√(2/π)·(x + 0.044715·Pow(x, 3))).
    /// </summary>
    public static string TanhGelu(this ModelBuilder b, string input)
    {
        string half = b.Fresh("gelu_half"), cube = b.Fresh("gelu_cube"), cubic = b.Fresh("gelu_cubic"), sum = b.Fresh("gelu_sum");
        string scaled = b.Fresh("gelu_scaled"), tanh = b.Fresh("gelu_tanh"), onePlus = b.Fresh("gelu_one_plus"), output = b.Fresh("gelu");
        b.Node("Mul", [b.ScalarConstant(0.5f), input], [half])
            .Node("Pow", [input, b.ScalarConstant(3f)], [cube])
            .Node("Mul", [b.ScalarConstant(0.044715f), cube], [cubic])
            .Node("Add", [input, cubic], [sum])
            .Node("Mul", [b.ScalarConstant(0.7978845608028654f), sum], [scaled])
            .Node("Tanh", [scaled], [tanh])
            .Node("Add", [b.ScalarConstant(1f), tanh], [onePlus])
            .Node("Mul", [half, onePlus], [output]);
        return output;
    }

    /// <summary>
    /// BERT's self-attention on [1, sequence, hidden]: Q, K, V projections split into heads (Reshape, Transpose),
    /// softmax(QKᵀ/√d)·V, heads merged back, output projection.
    /// </summary>
    public static string SelfAttention(this ModelBuilder b, string input, long sequence, long hidden, long heads)
    {
        long headSize = hidden / heads;
        string Heads(string projected, long[] perm)
        {
            string shape = b.Fresh("heads_shape"), split = b.Fresh("split"), output = b.Fresh("heads");
            b.Initializer(shape, new long[] { 1, sequence, heads, headSize }, 4)
                .Node("Reshape", [projected, shape], [split])
                .Node("Transpose", [split], [output], ("perm", perm));
            return output;
        }
        string query = Heads(b.MatMulLinear(input, hidden, hidden), [0, 2, 1, 3]);
        string keyT = Heads(b.MatMulLinear(input, hidden, hidden), [0, 2, 3, 1]);
        string value = Heads(b.MatMulLinear(input, hidden, hidden), [0, 2, 1, 3]);
        string scores = b.Fresh("scores"), scaled = b.Fresh("scores_scaled"), probabilities = b.Fresh("probabilities");
        string context = b.Fresh("context"), merged = b.Fresh("context_merged"), mergedShape = b.Fresh("merged_shape"), flat = b.Fresh("context_flat");
        b.Node("MatMul", [query, keyT], [scores])
            .Node("Div", [scores, b.ScalarConstant(MathF.Sqrt(headSize))], [scaled])
            .Node("Softmax", [scaled], [probabilities], ("axis", 3L))
            .Node("MatMul", [probabilities, value], [context])
            .Node("Transpose", [context], [merged], ("perm", new long[] { 0, 2, 1, 3 }))
            .Initializer(mergedShape, new long[] { 1, sequence, hidden }, 3)
            .Node("Reshape", [merged, mergedShape], [flat]);
        return b.MatMulLinear(flat, hidden, hidden);
    }

    /// <summary>One BERT encoder layer (post-norm): attention, residual, LayerNorm, GELU feed-forward, residual, LayerNorm.</summary>
    public static string BertEncoderLayer(this ModelBuilder b, string input, long sequence, long hidden, long heads, long intermediate)
    {
        string attention = b.DecomposedLayerNorm(b.Add(b.SelfAttention(input, sequence, hidden, heads), input), [hidden]);
        string feedForward = b.MatMulLinear(b.ErfGelu(b.MatMulLinear(attention, hidden, intermediate)), intermediate, hidden);
        return b.DecomposedLayerNorm(b.Add(feedForward, attention), [hidden]);
    }

    /// <summary>A BERT-style encoder on one sequence of embeddings [1, sequence, hidden].</summary>
    public static ModelBuilder BertEncoder(int layers, long sequence = 8, long hidden = 32, long heads = 4, long intermediate = 128, int opset = 13, int seed = 1)
    {
        var b = new ModelBuilder(opset, seed).Input("embeddings", 1, sequence, hidden);
        string x = "embeddings";
        for (int i = 0; i < layers; i++)
        {
            x = b.BertEncoderLayer(x, sequence, hidden, heads, intermediate);
        }
        return b.Output(x);
    }
}
