using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Onnx.Tests;

/// <summary>Deep equality of two IR models: graphs, nodes, attributes, initializer bytes, types, metadata.</summary>
internal static class ModelAssert
{
    public static void AreEqual(Model expected, Model actual)
    {
        Assert.AreEqual(expected.IrVersion, actual.IrVersion);
        Assert.AreEqual(expected.ProducerName, actual.ProducerName);
        Assert.AreEqual(expected.ProducerVersion, actual.ProducerVersion);
        Assert.AreEqual(expected.Domain, actual.Domain);
        Assert.AreEqual(expected.ModelVersion, actual.ModelVersion);
        Assert.AreEqual(expected.DocString, actual.DocString);
        CollectionAssert.AreEqual(expected.Metadata, actual.Metadata);
        CollectionAssert.AreEquivalent(expected.Opsets.ToList(), actual.Opsets.ToList());
        GraphsEqual(expected.Graph, actual.Graph, "main");
        Assert.HasCount(expected.Functions.Count, actual.Functions);
        for (int i = 0; i < expected.Functions.Count; i++)
        {
            var (e, a) = (expected.Functions[i], actual.Functions[i]);
            Assert.AreEqual(e.Name, a.Name);
            Assert.AreEqual(e.Domain, a.Domain);
            CollectionAssert.AreEqual(e.AttributeNames, a.AttributeNames);
            AttributesEqual(e.AttributeDefaults, a.AttributeDefaults, e.Name);
            GraphsEqual(e.Body, a.Body, e.Name);
        }
    }

    public static void GraphsEqual(Graph expected, Graph actual, string where)
    {
        Assert.AreEqual(expected.Name, actual.Name, where);
        Assert.AreEqual(expected.DocString, actual.DocString, where);
        ValuesEqual(expected.Inputs, actual.Inputs, $"{where} inputs");
        ValuesEqual(expected.Outputs, actual.Outputs, $"{where} outputs");
        ValuesEqual(expected.Initializers, actual.Initializers, $"{where} initializers");
        Assert.HasCount(expected.Nodes.Count, actual.Nodes, where);
        for (int i = 0; i < expected.Nodes.Count; i++)
        {
            var (e, a) = (expected.Nodes[i], actual.Nodes[i]);
            string at = $"{where} node {i} ({e.DisplayName})";
            Assert.AreEqual(e.OpType, a.OpType, at);
            Assert.AreEqual(e.Domain, a.Domain, at);
            Assert.AreEqual(e.Name, a.Name, at);
            Assert.AreEqual(e.DocString, a.DocString, at);
            CollectionAssert.AreEqual(e.Inputs.Select(v => v?.Name).ToList(), a.Inputs.Select(v => v?.Name).ToList(), at);
            ValuesEqual(e.Outputs, a.Outputs, $"{at} outputs");
            AttributesEqual(e.Attributes, a.Attributes, at);
        }
    }

    private static void ValuesEqual(IReadOnlyList<Value?> expected, IReadOnlyList<Value?> actual, string where)
    {
        Assert.HasCount(expected.Count, actual, where);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.AreEqual(e?.Name, a?.Name, where);
            Assert.AreEqual(e?.Type, a?.Type, $"{where}: type of '{e?.Name}'");
            Assert.AreEqual(e?.DocString, a?.DocString, where);
            Assert.AreEqual(e?.Initializer is null, a?.Initializer is null, $"{where}: initializer of '{e?.Name}'");
            if (e?.Initializer is { } tensor)
            {
                TensorsEqual(tensor, a!.Initializer!, $"{where}: '{e.Name}'");
            }
        }
    }

    private static void AttributesEqual(IEnumerable<NodeAttribute> expected, IEnumerable<NodeAttribute> actual, string where)
    {
        var byName = actual.ToDictionary(a => a.Name);
        Assert.HasCount(expected.Count(), byName, where);
        foreach (var e in expected)
        {
            Assert.IsTrue(byName.TryGetValue(e.Name, out var a), $"{where}: attribute '{e.Name}' is missing");
            string at = $"{where} attribute '{e.Name}'";
            Assert.AreEqual(e.Kind, a.Kind, at);
            Assert.AreEqual(e.ReferencedAttribute, a.ReferencedAttribute, at);
            AttributeValuesEqual(e.Value, a.Value, at);
        }
    }

    private static void AttributeValuesEqual(object expected, object actual, string where)
    {
        switch (expected)
        {
            case Tensor t:
                TensorsEqual(t, (Tensor)actual, where);
                break;
            case Tensor[] ts:
                PairwiseEqual(ts, (Tensor[])actual, where, TensorsEqual);
                break;
            case Graph g:
                GraphsEqual(g, (Graph)actual, where);
                break;
            case Graph[] gs:
                PairwiseEqual(gs, (Graph[])actual, where, GraphsEqual);
                break;
            case System.Collections.IList list:
                CollectionAssert.AreEqual(list, (System.Collections.IList)actual, where);
                break;
            default:
                Assert.AreEqual(expected, actual, where);
                break;
        }
    }

    private static void PairwiseEqual<T>(T[] expected, T[] actual, string where, Action<T, T, string> assertEqual)
    {
        Assert.HasCount(expected.Length, actual, where);
        for (int i = 0; i < expected.Length; i++)
        {
            assertEqual(expected[i], actual[i], $"{where}[{i}]");
        }
    }

    public static void TensorsEqual(Tensor expected, Tensor actual, string where)
    {
        Assert.AreEqual(expected.Type, actual.Type, where);
        CollectionAssert.AreEqual(expected.Dims, actual.Dims, where);
        if (expected.Type == DataType.String)
        {
            CollectionAssert.AreEqual(expected.Strings, actual.Strings, where);
        }
        else
        {
            Assert.IsTrue(expected.Bytes.Span.SequenceEqual(actual.Bytes.Span), $"{where}: the bytes differ");
        }
    }
}
