using System.Numerics.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Attention;

/// <summary>
/// LinearAttention run as its recurrence, token by token, per (batch, key/value head): the d_k × d_v state is
/// decayed (gated rules), updated with k ⊗ v or with the delta rule's β k ⊗ (v - Sᵀk), then read by every query
/// head of the group as scale · qᵀS.
/// </summary>
[Kernel("LinearAttention", SinceVersion = 27)]
public sealed class LinearAttentionKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var queryTensor = context.Input(0);
        var keyTensor = context.Input(1);
        var valueTensor = context.Input(2);
        int queryHeads = checked((int)context.GetInt("q_num_heads"));
        int keyHeads = checked((int)context.GetInt("kv_num_heads"));
        if (queryTensor.Rank != 3 || keyTensor.Rank != 3 || valueTensor.Rank != 3 || keyHeads <= 0 || queryHeads % keyHeads != 0
            || queryTensor.Dims[2] % queryHeads != 0 || keyTensor.Dims[2] % keyHeads != 0 || valueTensor.Dims[2] % keyHeads != 0)
        {
            throw new ArgumentException($"LinearAttention needs packed 3-D query, key and value divisible into {queryHeads} and {keyHeads} heads; got {queryTensor}, {keyTensor}, {valueTensor}.");
        }
        int batch = (int)queryTensor.Dims[0];
        int steps = (int)queryTensor.Dims[1];
        int keySize = (int)keyTensor.Dims[2] / keyHeads;
        int valueSize = (int)valueTensor.Dims[2] / keyHeads;
        if (queryTensor.Dims[2] / queryHeads != keySize)
        {
            throw new ArgumentException($"query heads of size {queryTensor.Dims[2] / queryHeads} do not match key heads of size {keySize}.");
        }
        string rule = context.GetString("update_rule");
        bool gated = rule is "gated" or "gated_delta";
        bool delta = rule is "delta" or "gated_delta";
        float scaleAttribute = context.GetFloat("scale");
        T scale = T.CreateTruncating(scaleAttribute != 0 ? scaleAttribute : 1 / Math.Sqrt(keySize));
        ReadOnlySpan<T> query = ValuesAs<T>(queryTensor);
        ReadOnlySpan<T> key = ValuesAs<T>(keyTensor);
        ReadOnlySpan<T> value = ValuesAs<T>(valueTensor);
        var gates = gated ? new StepGates<T>(context.Input(4), batch, steps, keyHeads, keySize, "decay") : null;
        var rates = delta ? new StepGates<T>(context.Input(5), batch, steps, keyHeads, 1, "beta") : null;
        var pastTensor = context.OptionalInput(3);
        int stateSize = keySize * valueSize;
        if (pastTensor is not null && pastTensor.Length != batch * keyHeads * stateSize)
        {
            throw new ArgumentException($"past_state must be ({batch}, {keyHeads}, {keySize}, {valueSize}), got {pastTensor}.");
        }
        var states = pastTensor is null ? new T[batch * keyHeads * stateSize] : ValuesAs<T>(pastTensor).ToArray();

        int group = queryHeads / keyHeads;
        var output = new T[batch * steps * queryHeads * valueSize];
        var decay = new T[keySize];
        var correction = new T[valueSize];
        for (int b = 0; b < batch; b++)
        {
            for (int h = 0; h < keyHeads; h++)
            {
                var state = states.AsSpan((b * keyHeads + h) * stateSize, stateSize);
                for (int t = 0; t < steps; t++)
                {
                    int token = b * steps + t;
                    var k = key.Slice((token * keyHeads + h) * keySize, keySize);
                    var v = value.Slice((token * keyHeads + h) * valueSize, valueSize);
                    if (gates is not null)
                    {
                        gates.Fill(b, t, h, decay);
                        TensorPrimitives.Exp(decay, decay);
                        for (int i = 0; i < keySize; i++)
                        {
                            TensorPrimitives.Multiply(state.Slice(i * valueSize, valueSize), decay[i], state.Slice(i * valueSize, valueSize));
                        }
                    }
                    // The delta rule writes β (v - Sᵀk) instead of v: the state moves toward v along k.
                    ReadOnlySpan<T> written = v;
                    if (rates is not null)
                    {
                        correction.AsSpan().Clear();
                        for (int i = 0; i < keySize; i++)
                        {
                            TensorPrimitives.MultiplyAdd(state.Slice(i * valueSize, valueSize), k[i], correction, correction);
                        }
                        TensorPrimitives.Subtract(v, correction, correction);
                        TensorPrimitives.Multiply(correction, rates.At(b, t, h), correction);
                        written = correction;
                    }
                    for (int i = 0; i < keySize; i++)
                    {
                        TensorPrimitives.MultiplyAdd(written, k[i], state.Slice(i * valueSize, valueSize), state.Slice(i * valueSize, valueSize));
                    }
                    for (int qh = h * group; qh < (h + 1) * group; qh++)
                    {
                        var q = query.Slice((token * queryHeads + qh) * keySize, keySize);
                        var o = output.AsSpan((token * queryHeads + qh) * valueSize, valueSize);
                        for (int i = 0; i < keySize; i++)
                        {
                            TensorPrimitives.MultiplyAdd(state.Slice(i * valueSize, valueSize), q[i] * scale, o, o);
                        }
                    }
                }
            }
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), [batch, steps, queryHeads * valueSize], output));
        if (context.HasOutput(1))
        {
            context.SetOutput(1, TensorOf<T>(context.OutputType(1), [batch, keyHeads, keySize, valueSize], states));
        }
    }
}
