using System.Globalization;
using Aidge.Core.Operators.Convolution;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Convolution;

/// <summary>
/// ConvTranspose with groups, dilations, pads, output_padding, output_shape and auto_pad: the pads that the output
/// size implies come from the same window geometry as shape inference, then one gather-form helper computes it.
/// </summary>
[OpenMpEmitter("ConvTranspose")]
public sealed class ConvTranspose : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var w = node.Input(1);
        var bias = node.OptionalInput(2);
        var y = node.Output(0);
        node.RequireType(x, ElementTypeSets.Float);
        long groups = node.GetInt("group");
        long[] kernel = w.Dims.Skip(2).ToArray();
        var window = TransposedWindow.FromNode(node.Node, kernel);
        long[] spatial = x.Dims.Skip(2).ToArray();
        var pads = new long[spatial.Length];
        for (int i = 0; i < spatial.Length; i++)
        {
            (long output, pads[i], _) = window.Resolve(i, spatial[i]);
            if (output != y.Dims[i + 2])
            {
                throw node.Unsupported($"the output size {y.Dims[i + 2]} along spatial axis {i} differs from the {output} that the attributes give");
            }
        }
        yield return new KernelCall(new ConvTransposeHelper(x.Type), new[]
        {
            NodeContext.Threads, x.Read, w.Read, bias?.Read ?? "NULL", y.Write, CLiteral.Int(x.Dims[0]), CLiteral.Int(x.Dims[1]), CLiteral.Int(y.Dims[1]), CLiteral.Int(groups),
            spatial.Length.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(spatial), CLiteral.Int64Array(y.Dims.Skip(2)), CLiteral.Int64Array(kernel),
            CLiteral.Int64Array(window.Strides), CLiteral.Int64Array(window.Dilations), CLiteral.Int64Array(pads),
        }.ToEquatableArray());
    }
}
