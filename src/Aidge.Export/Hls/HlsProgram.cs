using Aidge.Export.C;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls;

/// <summary>Where an array of the HLS top lives: copied from or to the caller through AXI, between layers, or in the weights header.</summary>
public enum HlsArrayKind
{
    Input,
    Output,
    Activation,
    Weights,
}

/// <summary>One statically sized array of the top (or of the weights header): its C++ name, the tensor it holds, and the design's numbers.</summary>
public sealed record HlsArray(string Name, TensorRef Tensor, HlsArrayKind Kind, HlsNumbers Numbers)
{
    /// <summary>The type the design holds the elements in (data_t for float tensors of a fixed-point design).</summary>
    public string ElementType => Numbers.Element(Tensor.Type);

    /// <summary>The type of the top's AXI port for the tensor: always the graph's own.</summary>
    public string PortType => HlsTypes.Of(Tensor.Type);

    /// <summary>An element of the array as the port takes it.</summary>
    public string ToPort(string element) => Numbers.ToPort(element, Tensor.Type);

    /// <summary>Rank-0 tensors are one-element arrays: C++ has no zero-length ones.</summary>
    public long Count => Math.Max(1, Tensor.ElementCount);
}

/// <summary>One call of the top: the layer function <see cref="Function"/> (<c>layer_&lt;n&gt;_&lt;op&gt;</c>) over the top's arrays, in the layer's parameter order.</summary>
public sealed record HlsCall(string Function, string Description, HlsLayer Layer, EquatableArray<HlsArray> Arguments);

/// <summary>
/// The HLS target's model between the plan and the text: every tensor as its own array (named from the model's value
/// names through one <see cref="CIdentifierScope"/>, in plan order, so names are stable), and every node as a numbered
/// layer call. Built from the <see cref="ExportPlan"/> of <see cref="KernelPlanner"/> with <see cref="HlsEmitters.Target"/>:
/// the plan's arena offsets are not used (an FPGA design gives each tensor its own memory, and FIFOs in stream mode),
/// the weights blob is (each weight tensor's bytes become a <c>static const</c> array of the weights header).
/// <see cref="Fixed"/> is the number formats of a fixed-point design, null for a float one.
/// </summary>
public sealed record HlsProgram(
    string Prefix,
    EquatableArray<HlsArray> Inputs,
    EquatableArray<HlsArray> Outputs,
    EquatableArray<HlsArray> Activations,
    EquatableArray<HlsArray> Weights,
    EquatableArray<byte> WeightsBlob,
    EquatableArray<HlsCall> Calls,
    HlsFixedDesign? Fixed = null)
{
    public HlsNumbers Numbers => Fixed is null ? HlsNumbers.Float : HlsNumbers.FixedPoint;

    /// <param name="plan">Planned with <see cref="HlsEmitters.Target"/>, or with <see cref="HlsEmitters.FixedTarget"/> when <paramref name="fixedDesign"/> is given.</param>
    public static HlsProgram From(ExportPlan plan, HlsFixedDesign? fixedDesign = null)
    {
        var numbers = fixedDesign is null ? HlsNumbers.Float : HlsNumbers.FixedPoint;
        var scope = new CIdentifierScope();
        var arrays = new Dictionary<TensorRef, HlsArray>();
        var activations = new List<HlsArray>();
        var weights = new List<HlsArray>();
        var inputs = plan.Inputs.Select(t => Claim(t, HlsArrayKind.Input)).ToEquatableArray();
        var outputs = plan.Outputs.Select(t => Claim(t, HlsArrayKind.Output)).ToEquatableArray();
        var calls = new List<HlsCall>();
        foreach (var node in plan.Nodes)
        {
            foreach (var call in node.Calls)
            {
                var layer = call.Helper as HlsLayer
                    ?? throw new InvalidOperationException($"The HLS plan of {node.Description} has a call to {call.Helper.Name}, which is not an HLS layer.");
                var arguments = layer.Parameters.Select(p => Find(p.Tensor)).ToEquatableArray();
                calls.Add(new HlsCall($"layer_{calls.Count}_{layer.Operator}", node.Description, layer, arguments));
            }
        }
        return new HlsProgram(plan.Prefix, inputs, outputs, activations.ToEquatableArray(), weights.ToEquatableArray(), plan.Weights, calls.ToEquatableArray(), fixedDesign);

        HlsArray Claim(TensorRef tensor, HlsArrayKind kind)
        {
            string prefix = kind == HlsArrayKind.Weights ? "w_" : "t_";
            var array = new HlsArray(scope.Claim(prefix + tensor.Name, prefix + "tensor"), tensor, kind, numbers);
            arrays[tensor] = array;
            return array;
        }

        HlsArray Find(TensorRef tensor)
        {
            if (arrays.TryGetValue(tensor, out var found))
            {
                return found;
            }
            switch (tensor.Kind)
            {
                case BufferKind.Weights:
                    var weight = Claim(tensor, HlsArrayKind.Weights);
                    weights.Add(weight);
                    return weight;
                case BufferKind.Arena:
                    var activation = Claim(tensor, HlsArrayKind.Activation);
                    activations.Add(activation);
                    return activation;
                default:
                    throw new InvalidOperationException($"Tensor '{tensor.Name}' ({tensor.Kind} {tensor.Location}) is not among the plan's inputs and outputs.");
            }
        }
    }

    /// <summary>Every array a layer reads, in call order: the consumers of each tensor (FIFOs in stream mode need one per reader).</summary>
    public IEnumerable<HlsArray> Reads() => Calls.SelectMany(c => c.Arguments.Where((_, i) => !c.Layer.Parameters[i].Written));
}
