using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>Attention and RotaryEmbedding (opset 23) against ONNX Runtime.</summary>
[TestClass]
public sealed class AttentionTests
{
    [TestMethod]
    [DataRow("2,4,3,8", "2,2,5,8", "2,2,5,6", "", false)]
    [DataRow("2,4,3,8", "2,4,5,8", "2,4,5,8", "is_causal=1", false)]
    [DataRow("2,4,3,8", "2,2,3,8", "2,2,3,8", "is_causal=1", true)]
    [DataRow("2,4,3,8", "2,2,5,8", "2,2,5,8", "softcap=1.5;scale=0.2", false)]
    [DataRow("2,3,32", "2,5,16", "2,5,16", "q_num_heads=4;kv_num_heads=2", false)]
    public void AttentionMatchesOnnxRuntime(string q, string k, string v, string attributes, bool past)
    {
        var model = new ModelBuilder(23);
        model.Input("Q", CaseText.Dims(q)).Input("K", CaseText.Dims(k)).Input("V", CaseText.Dims(v));
        string[] inputs = ["Q", "K", "V"];
        string[] outputs = ["Y"];
        if (past)
        {
            var keyDims = CaseText.Dims(k);
            var valueDims = CaseText.Dims(v);
            model.Input("PK", keyDims[0], keyDims[1], 4, keyDims[3]).Input("PV", valueDims[0], valueDims[1], 4, valueDims[3]);
            inputs = ["Q", "K", "V", string.Empty, "PK", "PV"];
            outputs = ["Y", "PresentK", "PresentV"];
        }
        model.Node("Attention", inputs, outputs, CaseText.Attributes(attributes));
        foreach (string output in outputs)
        {
            model.Output(output);
        }
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-5);
    }

    [TestMethod]
    [DataRow("2,4,3,8", 0, 0)]
    [DataRow("2,4,3,8", 1, 4)]
    [DataRow("2,3,32", 0, 0)]
    public void RotaryEmbeddingMatchesOnnxRuntime(string dims, long interleaved, long rotaryDim)
    {
        var model = new ModelBuilder(23);
        var shape = CaseText.Dims(dims);
        int half = (int)(rotaryDim > 0 ? rotaryDim / 2 : 4);
        model.Input("X", shape).RandomInitializer("Cos", 1f, 10, half).RandomInitializer("Sin", 1f, 10, half)
            .Initializer("P", [0L, 3, 7, 1, 2, 9], 2, 3);
        var attributes = new List<(string, object)> { ("interleaved", interleaved), ("rotary_embedding_dim", rotaryDim) };
        if (shape.Length == 3)
        {
            attributes.Add(("num_heads", 4L));
        }
        model.Node("RotaryEmbedding", ["X", "Cos", "Sin", "P"], ["Y"], [.. attributes]).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }
}
