using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// CausalConvWithState: per (batch, channel) row, the sequence past_state (or k - 1 zeros) ++ input is correlated
/// with that channel's k taps; bias and the optional SiLU follow. present_state is the sequence's last k - 1 values.
/// </summary>
[Kernel("CausalConvWithState", SinceVersion = 27)]
public sealed class CausalConvWithStateKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        if (x.Rank != 3 || w.Rank != 3 || w.Dims[0] != x.Dims[1] || w.Dims[1] != 1 || w.Dims[2] < 1)
        {
            throw new ArgumentException($"CausalConvWithState needs input (B, C, L) and weight (C, 1, k); got {x} and {w}.");
        }
        int batch = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int length = (int)x.Dims[2];
        int taps = (int)w.Dims[2];
        int carried = taps - 1;
        var pastTensor = context.OptionalInput(3);
        if (pastTensor is not null && (pastTensor.Rank != 3 || pastTensor.Dims[0] != batch || pastTensor.Dims[1] != channels || pastTensor.Dims[2] != carried))
        {
            throw new ArgumentException($"past_state must be ({batch}, {channels}, {carried}), got {pastTensor}.");
        }
        var biasTensor = context.OptionalInput(2);
        if (biasTensor is not null && biasTensor.Length != channels)
        {
            throw new ArgumentException($"bias must have {channels} values, got {biasTensor.Length}.");
        }
        bool silu = context.GetString("activation") is "silu" or "swish";
        ReadOnlySpan<T> input = x.Span<T>();
        ReadOnlySpan<T> weights = ValuesAs<T>(w);
        ReadOnlySpan<T> past = pastTensor is null ? default : ValuesAs<T>(pastTensor);
        ReadOnlySpan<T> bias = biasTensor is null ? default : ValuesAs<T>(biasTensor);

        var output = new T[x.Length];
        var state = new T[batch * channels * carried];
        var sequence = new T[carried + length];
        for (int row = 0; row < batch * channels; row++)
        {
            int c = row % channels;
            var history = sequence.AsSpan(0, carried);
            if (pastTensor is null)
            {
                history.Clear();
            }
            else
            {
                past.Slice(row * carried, carried).CopyTo(history);
            }
            input.Slice(row * length, length).CopyTo(sequence.AsSpan(carried));
            var kernel = weights.Slice(c * taps, taps);
            T offset = biasTensor is null ? T.Zero : bias[c];
            var y = output.AsSpan(row * length, length);
            for (int t = 0; t < length; t++)
            {
                T sum = offset;
                for (int j = 0; j < taps; j++)
                {
                    sum += kernel[j] * sequence[t + j];
                }
                y[t] = silu ? sum / (T.One + T.Exp(-sum)) : sum;
            }
            sequence.AsSpan(length, carried).CopyTo(state.AsSpan(row * carried, carried));
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), x.Dims, output));
        if (context.HasOutput(1))
        {
            context.SetOutput(1, TensorOf<T>(context.OutputType(1), [batch, channels, carried], state));
        }
    }
}
