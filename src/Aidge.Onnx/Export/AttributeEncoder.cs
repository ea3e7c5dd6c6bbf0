using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx.Export;

/// <summary>Writes a <see cref="NodeAttribute"/> as an <see cref="AttributeProto"/>, subgraphs through the graph exporter.</summary>
internal sealed class AttributeEncoder
{
    private readonly Func<Graph, GraphProto> exportGraph;

    public AttributeEncoder(Func<Graph, GraphProto> exportGraph) => this.exportGraph = exportGraph;

    public AttributeProto Encode(NodeAttribute attribute)
    {
        var proto = new AttributeProto { Name = attribute.Name, Type = (AttributeProto.Types.AttributeType)(int)attribute.Kind };
        if (attribute.ReferencedAttribute is { } reference)
        {
            proto.RefAttrName = reference;
            return proto;
        }
        switch (attribute.Value)
        {
            case float f:
                proto.F = f;
                break;
            case long i:
                proto.I = i;
                break;
            case string s:
                proto.S = ByteString.CopyFromUtf8(s);
                break;
            case Tensor t when attribute.Kind == AttributeKind.SparseTensor:
                proto.SparseTensor = TensorEncoder.EncodeSparse(t);
                break;
            case Tensor t:
                proto.T = TensorEncoder.Encode(t);
                break;
            case Graph g:
                proto.G = exportGraph(g);
                break;
            case IrType type:
                proto.Tp = TypeEncoder.Encode(type);
                break;
            case float[] floats:
                proto.Floats.AddRange(floats);
                break;
            case long[] ints:
                proto.Ints.AddRange(ints);
                break;
            case string[] strings:
                proto.Strings.AddRange(strings.Select(ByteString.CopyFromUtf8));
                break;
            case Tensor[] tensors when attribute.Kind == AttributeKind.SparseTensors:
                proto.SparseTensors.AddRange(tensors.Select(TensorEncoder.EncodeSparse));
                break;
            case Tensor[] tensors:
                proto.Tensors.AddRange(tensors.Select(t => TensorEncoder.Encode(t)));
                break;
            case Graph[] graphs:
                proto.Graphs.AddRange(graphs.Select(exportGraph));
                break;
            case IrType[] types:
                proto.TypeProtos.AddRange(types.Select(TypeEncoder.Encode));
                break;
            default:
                throw new ArgumentException($"Attribute '{attribute.Name}' holds a {attribute.Value.GetType().Name}, which has no ONNX form.");
        }
        return proto;
    }
}
