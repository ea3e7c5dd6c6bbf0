using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Tests.MachineLearning;

/// <summary>Float keys and repeated keys, which the conformance cases (all string keys) do not cover.</summary>
[TestClass]
public sealed class LabelEncoderTests
{
    [TestMethod]
    public void MatchesNaNKeysAndLetsTheLastRepeatedKeyWin()
    {
        var x = Tensor.FromArray([float.NaN, 2f, 5f], 3);
        var y = MachineLearningGraph.Run("LabelEncoder", x,
            NodeAttribute.Of("keys_floats", [2f, float.NaN, 2f]),
            NodeAttribute.Of("values_strings", ["first", "nan", "last"]),
            NodeAttribute.Of("default_string", "none"));
        CollectionAssert.AreEqual(new[] { "nan", "last", "none" }, y.Strings);
    }
}
