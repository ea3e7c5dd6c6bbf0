using System.Numerics;
using System.Numerics.Tensors;

namespace Aidge.Simulation.Kernels.Recurrent;

/// <summary>The activation functions that RNN, GRU and LSTM accept in their <c>activations</c> attribute.</summary>
internal enum ActivationKind
{
    Relu,
    Tanh,
    Sigmoid,
    Affine,
    LeakyRelu,
    ThresholdedRelu,
    ScaledTanh,
    HardSigmoid,
    Elu,
    Softsign,
    Softplus,
}

/// <summary>One activation function with its alpha and beta (the defaults of the ONNX operator of the same name).</summary>
internal readonly record struct RecurrentActivation(ActivationKind Kind, float Alpha, float Beta)
{
    /// <summary>
    /// Parses the activation names of a node. activation_alpha and activation_beta are consumed in order by the
    /// functions that take that parameter; a missing value falls back to the function's default.
    /// </summary>
    public static RecurrentActivation[] Parse(IReadOnlyList<string> names, float[]? alphas, float[]? betas)
    {
        var result = new RecurrentActivation[names.Count];
        int alphaIndex = 0;
        int betaIndex = 0;
        for (int i = 0; i < names.Count; i++)
        {
            var kind = Enum.TryParse<ActivationKind>(names[i], ignoreCase: true, out var parsed)
                ? parsed
                : throw new NotSupportedException($"Activation '{names[i]}' is not one of the recurrent activation functions.");
            var (defaultAlpha, defaultBeta) = Defaults(kind);
            float alpha = defaultAlpha is { } a ? Next(alphas, ref alphaIndex, a) : 0f;
            float beta = defaultBeta is { } b ? Next(betas, ref betaIndex, b) : 0f;
            result[i] = new RecurrentActivation(kind, alpha, beta);
        }
        return result;
    }

    /// <summary>Applies the function in place.</summary>
    public void Apply<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = T.CreateChecked(Alpha);
        T beta = T.CreateChecked(Beta);
        switch (Kind)
        {
            case ActivationKind.Sigmoid:
                TensorPrimitives.Sigmoid<T>(values, values);
                break;
            case ActivationKind.Tanh:
                TensorPrimitives.Tanh<T>(values, values);
                break;
            case ActivationKind.Relu:
                TensorPrimitives.Max<T>(values, T.Zero, values);
                break;
            case ActivationKind.Affine:
                TensorPrimitives.Multiply<T>(values, alpha, values);
                TensorPrimitives.Add<T>(values, beta, values);
                break;
            case ActivationKind.ScaledTanh:
                TensorPrimitives.Multiply<T>(values, beta, values);
                TensorPrimitives.Tanh<T>(values, values);
                TensorPrimitives.Multiply<T>(values, alpha, values);
                break;
            case ActivationKind.HardSigmoid:
                TensorPrimitives.Multiply<T>(values, alpha, values);
                TensorPrimitives.Add<T>(values, beta, values);
                TensorPrimitives.Max<T>(values, T.Zero, values);
                TensorPrimitives.Min<T>(values, T.One, values);
                break;
            default:
                ApplyScalar(values, alpha);
                break;
        }
    }

    private void ApplyScalar<T>(Span<T> values, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            T v = values[i];
            values[i] = Kind switch
            {
                ActivationKind.LeakyRelu => v >= T.Zero ? v : alpha * v,
                ActivationKind.ThresholdedRelu => v >= alpha ? v : T.Zero,
                ActivationKind.Elu => v >= T.Zero ? v : alpha * (T.Exp(v) - T.One),
                ActivationKind.Softsign => v / (T.One + T.Abs(v)),
                // log(1 + e^v) written so that large v does not overflow.
                _ => T.Max(v, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(v))),
            };
        }
    }

    private static (float? Alpha, float? Beta) Defaults(ActivationKind kind) => kind switch
    {
        ActivationKind.Affine => (1f, 0f),
        ActivationKind.LeakyRelu => (0.01f, null),
        ActivationKind.ThresholdedRelu => (1f, null),
        ActivationKind.ScaledTanh => (1f, 1f),
        ActivationKind.HardSigmoid => (0.2f, 0.5f),
        ActivationKind.Elu => (1f, null),
        _ => (null, null),
    };

    private static float Next(float[]? values, ref int index, float fallback) =>
        values is not null && index < values.Length ? values[index++] : fallback;
}
