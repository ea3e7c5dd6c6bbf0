using Aidge.Core.Graphs;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Export;

/// <summary>Builds a <see cref="ModelProto"/> from an IR <see cref="Model"/>.</summary>
internal static class ModelExporter
{
    public static ModelProto Export(Model model)
    {
        var graphs = new GraphExporter();
        var proto = new ModelProto
        {
            IrVersion = model.IrVersion,
            ProducerName = model.ProducerName,
            ProducerVersion = model.ProducerVersion,
            Domain = model.Domain,
            ModelVersion = model.ModelVersion,
            Graph = graphs.Export(model.Graph),
        };
        if (model.DocString is { } doc)
        {
            proto.DocString = doc;
        }
        proto.OpsetImport.AddRange(model.Opsets.Select(o => new OperatorSetIdProto { Domain = o.Key, Version = o.Value }));
        proto.MetadataProps.AddRange(model.Metadata.Select(p => new StringStringEntryProto { Key = p.Key, Value = p.Value }));
        proto.Functions.AddRange(model.Functions.Select(f => ExportFunction(f, graphs)));
        return proto;
    }

    private static FunctionProto ExportFunction(ModelFunction function, GraphExporter graphs)
    {
        var proto = new FunctionProto { Name = function.Name, Domain = function.Domain };
        if (function.Body.DocString is { } doc)
        {
            proto.DocString = doc;
        }
        proto.Input.AddRange(function.Body.Inputs.Select(v => v.Name));
        proto.Output.AddRange(function.Body.Outputs.Select(v => v.Name));
        proto.Attribute.AddRange(function.AttributeNames);
        proto.AttributeProto.AddRange(function.AttributeDefaults.Select(graphs.ExportAttribute));
        proto.Node.AddRange(function.Body.Nodes.Select(graphs.ExportNode));
        proto.OpsetImport.AddRange(function.Opsets.Select(o => new OperatorSetIdProto { Domain = o.Key, Version = o.Value }));
        return proto;
    }
}
