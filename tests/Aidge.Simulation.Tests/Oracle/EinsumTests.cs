using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// Einsum against ONNX Runtime: contractions, batch and outer products, implicit outputs, ellipses that
/// cover batch axes, diagonals, sums and three-operand chains.
/// </summary>
[TestClass]
public sealed class EinsumTests
{
    [TestMethod]
    [DataRow("ij,jk->ik", "3,4|4,5")]
    [DataRow("bij,bjk->bik", "2,3,4|2,4,5")]
    [DataRow("bhqd,bhkd->bhqk", "2,3,4,8|2,3,6,8")]
    [DataRow("i,j->ij", "3|4")]
    [DataRow("ij,jk", "3,4|4,5")]
    [DataRow("ba", "3,4")]
    [DataRow("ii->i", "4,4")]
    [DataRow("ii", "4,4")]
    [DataRow("...ij,...jk->...ik", "2,3,3,4|2,3,4,2")]
    [DataRow("bii->bi", "2,3,3")]
    [DataRow("ij->", "3,4")]
    [DataRow("ij,jk,kl->il", "2,3|3,4|4,5")]
    [DataRow("abc,cd->abd", "2,3,4|4,5")]
    [DataRow("...i,...i->...", "2,3,4|2,3,4")]
    public void EinsumMatchesOnnxRuntime(string equation, string shapes)
    {
        var model = new ModelBuilder(12);
        var names = new List<string>();
        foreach (string dims in shapes.Split('|'))
        {
            string name = model.Fresh("X");
            model.Input(name, CaseText.Dims(dims));
            names.Add(name);
        }
        model.Node("Einsum", [.. names], ["Y"], ("equation", equation)).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-5, atol: 1e-6);
    }
}
