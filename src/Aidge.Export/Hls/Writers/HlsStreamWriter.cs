using Aidge.Export.C;

namespace Aidge.Export.Hls.Writers;

/// <summary>
/// The IOType=stream half of <c>&lt;prefix&gt;.cpp</c>: the layers pass tensors through FIFOs (<c>aidge::stream</c> of
/// aidge_hls_types.h: <c>hls::stream</c> under Vitis, a plain C++ queue otherwise) and the top is a <c>DATAFLOW</c> region, so
/// the layers run as concurrent processes. Each layer gets a process wrapper that reads its input FIFOs into its
/// arrays, runs the layer, and writes each output to one FIFO per reader (a FIFO has exactly one reader and one
/// writer); read_in&lt;i&gt; and write_out&lt;i&gt; move the AXI data. Every FIFO is as deep as its tensor, because a
/// wrapper reads its whole input before writing: shallower ones could deadlock a fan-out in cosimulation.
/// </summary>
public static class HlsStreamWriter
{
    public static void Write(CSourceWriter w, HlsProgram program)
    {
        var streams = Streams(program);
        var next = streams.Keys.ToDictionary(a => a, _ => 0);
        for (int i = 0; i < program.Inputs.Count; i++)
        {
            var input = program.Inputs[i];
            var targets = streams[input];
            w.Open($"static void read_in{i}(const {input.PortType}* in{i}{string.Concat(targets.Select(s => $", aidge::stream<{input.ElementType}>& {s}"))})");
            w.Line("#pragma HLS INLINE off");
            HlsTopWriter.WriteCopy(w, "read", input.Count, string.Concat(targets.Select(s => $"{s}.write(in{i}[i]); ")).TrimEnd());
            w.Close().Line();
        }
        var arguments = new List<List<string>>();
        foreach (var call in program.Calls)
        {
            arguments.Add(WriteProcess(w, call, streams, next));
        }
        for (int i = 0; i < program.Outputs.Count; i++)
        {
            var output = program.Outputs[i];
            w.Open($"static void write_out{i}(aidge::stream<{output.ElementType}>& s, {output.PortType}* out{i})");
            w.Line("#pragma HLS INLINE off");
            HlsTopWriter.WriteCopy(w, "write", output.Count, $"out{i}[i] = {output.ToPort("s.read()")};");
            w.Close().Line();
        }

        w.Open($"void {HlsTopWriter.Signature(program)}");
        HlsTopWriter.WriteInterfaces(w, program);
        w.Line("#pragma HLS DATAFLOW");
        foreach (var (array, names) in streams)
        {
            foreach (string name in names)
            {
                w.Line($"aidge::stream<{array.ElementType}> {name}(\"{name}\");");
                w.Line($"#pragma HLS STREAM variable={name} depth={array.Count}");
            }
        }
        for (int i = 0; i < program.Inputs.Count; i++)
        {
            w.Line($"read_in{i}({string.Join(", ", streams[program.Inputs[i]].Prepend($"in{i}"))});");
        }
        for (int c = 0; c < program.Calls.Count; c++)
        {
            w.Line($"{program.Calls[c].Function}_process({string.Join(", ", arguments[c])});");
        }
        for (int i = 0; i < program.Outputs.Count; i++)
        {
            w.Line($"write_out{i}({streams[program.Outputs[i]][^1]}, out{i});");
        }
        w.Close();
    }

    /// <summary>Writes the process of one layer; returns the top's arguments of its call (the FIFOs it reads and writes).</summary>
    private static List<string> WriteProcess(CSourceWriter w, HlsCall call, Dictionary<HlsArray, List<string>> streams, Dictionary<HlsArray, int> next)
    {
        var parameters = new List<string>();
        var arguments = new List<string>();
        var layerArguments = new List<string>();
        var reads = new List<(string Buffer, string Stream, HlsArray Array)>();
        var writes = new List<(string Buffer, List<string> Streams, HlsArray Array)>();
        for (int i = 0; i < call.Layer.Parameters.Count; i++)
        {
            var parameter = call.Layer.Parameters[i];
            var array = call.Arguments[i];
            if (array.Kind == HlsArrayKind.Weights)
            {
                layerArguments.Add(array.Name);
                continue;
            }
            string buffer = $"{parameter.Name}_buf";
            layerArguments.Add(buffer);
            if (!parameter.Written)
            {
                parameters.Add($"aidge::stream<{array.ElementType}>& {parameter.Name}");
                arguments.Add(streams[array][next[array]++]);
                reads.Add((buffer, parameter.Name, array));
                continue;
            }
            var outs = streams[array].Select((_, k) => $"{parameter.Name}_{k}").ToList();
            parameters.AddRange(outs.Select(s => $"aidge::stream<{array.ElementType}>& {s}"));
            arguments.AddRange(streams[array]);
            writes.Add((buffer, outs, array));
        }
        w.Open($"static void {call.Function}_process({string.Join(", ", parameters)})");
        w.Line("#pragma HLS INLINE off");
        foreach (var (buffer, _, array) in reads.Select(r => (r.Buffer, 0, r.Array)).Concat(writes.Select(x => (x.Buffer, 0, x.Array))))
        {
            w.Line($"static {array.ElementType} {buffer}[{array.Count}];");
        }
        foreach (var (buffer, stream, array) in reads)
        {
            HlsTopWriter.WriteCopy(w, $"read_{stream}", array.Count, $"{buffer}[i] = {stream}.read();");
        }
        w.Line($"{call.Function}({string.Join(", ", layerArguments)});");
        foreach (var (buffer, outs, array) in writes.Where(x => x.Streams.Count > 0))
        {
            HlsTopWriter.WriteCopy(w, $"write_{buffer}", array.Count, string.Concat(outs.Select(s => $"{s}.write({buffer}[i]); ")).TrimEnd());
        }
        w.Close().Line();
        return arguments;
    }

    /// <summary>
    /// The FIFOs of every non-constant tensor, in the order of their readers: one per layer parameter that reads it, then
    /// one for write_out when it is a graph output (so that one is the last).
    /// </summary>
    private static Dictionary<HlsArray, List<string>> Streams(HlsProgram program)
    {
        var streams = new Dictionary<HlsArray, List<string>>();
        foreach (var array in program.Inputs.Concat(program.Activations).Concat(program.Outputs))
        {
            streams[array] = new List<string>();
        }
        foreach (var array in program.Reads().Where(a => a.Kind != HlsArrayKind.Weights))
        {
            streams[array].Add($"s_{array.Name}_{streams[array].Count}");
        }
        foreach (var output in program.Outputs)
        {
            streams[output].Add($"s_{output.Name}_{streams[output].Count}");
        }
        return streams;
    }
}
