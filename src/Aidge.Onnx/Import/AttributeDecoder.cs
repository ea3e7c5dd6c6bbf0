using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>
/// Turns an <see cref="AttributeProto"/> into a <see cref="NodeAttribute"/> holding the natural .NET value
/// of its kind (strings decoded as UTF-8, ints as long, subgraphs imported under their owner graph).
/// </summary>
internal sealed class AttributeDecoder
{
    private readonly TensorDecoder tensors;
    private readonly Func<GraphProto, Graph, Graph> importSubgraph;

    public AttributeDecoder(TensorDecoder tensors, Func<GraphProto, Graph, Graph> importSubgraph)
    {
        this.tensors = tensors;
        this.importSubgraph = importSubgraph;
    }

    public NodeAttribute Decode(AttributeProto proto, Graph owner)
    {
        var kind = KindOf(proto);
        string what = $"Attribute '{proto.Name}'";
        if (proto.RefAttrName.Length > 0)
        {
            // Inside a function body: the value comes from the calling node, so only the kind is known here.
            return new NodeAttribute(proto.Name, kind, Placeholder(kind)) { ReferencedAttribute = proto.RefAttrName };
        }
        object value = kind switch
        {
            AttributeKind.Float => proto.F,
            AttributeKind.Int => proto.I,
            AttributeKind.String => proto.S.ToStringUtf8(),
            AttributeKind.Tensor => tensors.Decode(Present(proto.T, what), what),
            AttributeKind.Graph => importSubgraph(Present(proto.G, what), owner),
            AttributeKind.SparseTensor => SparseTensorDecoder.Decode(Present(proto.SparseTensor, what), tensors, what),
            AttributeKind.TypeProto => TypeDecoder.Decode(proto.Tp, what) ?? throw Missing(what),
            AttributeKind.Floats => proto.Floats.ToArray(),
            AttributeKind.Ints => proto.Ints.ToArray(),
            AttributeKind.Strings => proto.Strings.Select(s => s.ToStringUtf8()).ToArray(),
            AttributeKind.Tensors => proto.Tensors.Select(t => tensors.Decode(t, what)).ToArray(),
            AttributeKind.Graphs => proto.Graphs.Select(g => importSubgraph(g, owner)).ToArray(),
            AttributeKind.SparseTensors => proto.SparseTensors.Select(t => SparseTensorDecoder.Decode(t, tensors, what)).ToArray(),
            AttributeKind.TypeProtos => proto.TypeProtos.Select(t => TypeDecoder.Decode(t, what) ?? throw Missing(what)).ToArray(),
            _ => throw ImportErrors.Error(DiagnosticCodes.InvalidAttribute, $"{what} has no value and no type."),
        };
        return new NodeAttribute(proto.Name, kind, value);
    }

    /// <summary>The declared kind; very old files leave it out, and then the field that is set tells.</summary>
    private static AttributeKind KindOf(AttributeProto proto)
    {
        if (proto.Type != AttributeProto.Types.AttributeType.Undefined)
        {
            return (AttributeKind)(int)proto.Type;
        }
        return proto switch
        {
            { HasF: true } => AttributeKind.Float,
            { HasI: true } => AttributeKind.Int,
            { HasS: true } => AttributeKind.String,
            { T: not null } => AttributeKind.Tensor,
            { G: not null } => AttributeKind.Graph,
            { SparseTensor: not null } => AttributeKind.SparseTensor,
            { Tp: not null } => AttributeKind.TypeProto,
            { Floats.Count: > 0 } => AttributeKind.Floats,
            { Ints.Count: > 0 } => AttributeKind.Ints,
            { Strings.Count: > 0 } => AttributeKind.Strings,
            { Tensors.Count: > 0 } => AttributeKind.Tensors,
            { Graphs.Count: > 0 } => AttributeKind.Graphs,
            { SparseTensors.Count: > 0 } => AttributeKind.SparseTensors,
            { TypeProtos.Count: > 0 } => AttributeKind.TypeProtos,
            _ => AttributeKind.Undefined,
        };
    }

    /// <summary>A neutral value of the kind for a function-body attribute that refers to the caller's.</summary>
    private static object Placeholder(AttributeKind kind) => kind switch
    {
        AttributeKind.Float => 0f,
        AttributeKind.Int => 0L,
        AttributeKind.String => string.Empty,
        AttributeKind.Floats => Array.Empty<float>(),
        AttributeKind.Ints => Array.Empty<long>(),
        AttributeKind.Strings => Array.Empty<string>(),
        AttributeKind.Tensors or AttributeKind.SparseTensors => Array.Empty<Tensor>(),
        AttributeKind.Graphs => Array.Empty<Graph>(),
        AttributeKind.TypeProtos => Array.Empty<IrType>(),
        _ => string.Empty,
    };

    private static T Present<T>(T? value, string what)
        where T : class => value ?? throw Missing(what);

    private static AidgeException Missing(string what) =>
        ImportErrors.Error(DiagnosticCodes.InvalidAttribute, $"{what} declares a value kind but holds no value.");
}
