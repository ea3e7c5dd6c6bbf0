using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Recurrent;

/// <summary>
/// RNN, GRU and LSTM with their default activations, every direction, layouts 0 and 1, optional bias, initial states
/// and peepholes, sequence_lens (computed or constant), clip, linear_before_reset and input_forget. Other
/// activations are refused.
/// </summary>
[OpenMpEmitter("RNN")]
[OpenMpEmitter("GRU")]
[OpenMpEmitter("LSTM")]
public sealed class RecurrentLayer : INodeEmitter
{
    private static readonly Dictionary<string, (RecurrentCell Cell, string[] Activations, string? Flag)> Cells = new(StringComparer.Ordinal)
    {
        ["RNN"] = (RecurrentCell.Rnn, ["Tanh"], null),
        ["GRU"] = (RecurrentCell.Gru, ["Sigmoid", "Tanh"], "linear_before_reset"),
        ["LSTM"] = (RecurrentCell.Lstm, ["Sigmoid", "Tanh", "Tanh"], "input_forget"),
    };

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (cell, activations, flagName) = Cells[node.Node.OpType];
        var x = node.Input(0);
        var w = node.Input(1);
        node.RequireType(x, ElementTypeSets.Float);
        int layout = node.Schema?.Attributes.ContainsKey("layout") == true ? (int)node.GetInt("layout") : 0;
        long seq = x.Dims[layout == 0 ? 0 : 1];
        long batch = x.Dims[layout == 0 ? 1 : 0];
        long directions = w.Dims[0];
        long hidden = w.Dims[1] / (int)cell;
        if (hidden == 0)
        {
            throw node.Unsupported("hidden_size is 0");
        }
        CheckActivations(node, activations, directions);
        if (node.OptionalInput(4) is { } lengths)
        {
            node.RequireType(lengths, DataType.Int32);
        }
        string direction = node.GetString("direction");
        bool lstm = cell == RecurrentCell.Lstm;
        double clip = node.Node.HasAttribute("clip") ? node.GetFloat("clip") : 0;
        long flag = flagName is null ? 0 : node.GetInt(flagName);
        yield return new KernelCall(new RecurrentHelper(cell, x.Type), new[]
        {
            NodeContext.Threads, x.Read, w.Read, node.Input(2).Read, Optional(node, 3), Optional(node, 5), lstm ? Optional(node, 6) : "NULL", lstm ? Optional(node, 7) : "NULL", Optional(node, 4),
            OptionalOutput(node, 0), OptionalOutput(node, 1), lstm ? OptionalOutput(node, 2) : "NULL",
            CLiteral.Int(seq), CLiteral.Int(batch), CLiteral.Int(x.Dims[2]), CLiteral.Int(hidden), CLiteral.Int(directions), direction == "reverse" ? "1" : "0",
            layout.ToString(CultureInfo.InvariantCulture), CLiteral.Double(clip), flag.ToString(CultureInfo.InvariantCulture),
        }.ToEquatableArray());
    }

    private static string Optional(NodeContext node, int index) => node.OptionalInput(index) is { ElementCount: > 0 } input ? input.Read : "NULL";

    private static string OptionalOutput(NodeContext node, int index) => node.HasOutput(index) ? node.Output(index).Write : "NULL";

    private static void CheckActivations(NodeContext node, string[] defaults, long directions)
    {
        if (node.Node.GetStrings("activations") is not { } given)
        {
            return;
        }
        var expected = Enumerable.Repeat(defaults, (int)directions).SelectMany(a => a);
        if (!given.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
        {
            throw node.Unsupported($"activations [{string.Join(", ", given)}] are not the defaults [{string.Join(", ", defaults)}], the only ones the OpenMP target emits");
        }
    }
}
