using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>Finds the position of each element of a tensor among a list of keys of the same element type.</summary>
internal static class KeyLookup
{
    /// <summary>
    /// For each element of <paramref name="input"/>, the position of the last equal key, or
    /// <paramref name="missing"/>. Floating-point keys compare as doubles, where every NaN equals every NaN.
    /// </summary>
    public static int[] Positions(Tensor keys, Tensor input, int missing) => keys.Type switch
    {
        DataType.String => Positions(keys.Strings, input.Strings, missing),
        _ when keys.Type.IsFloatingPoint() => Positions(Each(keys, keys.GetDouble), Each(input, input.GetDouble), missing),
        _ when keys.Type.IsInteger() => Positions(Each(keys, keys.GetInt64), Each(input, input.GetInt64), missing),
        _ => throw new NotSupportedException($"LabelEncoder keys of type {keys.Type.OnnxName()} are not supported."),
    };

    private static T[] Each<T>(Tensor tensor, Func<int, T> element)
    {
        var result = new T[tensor.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = element(i);
        }
        return result;
    }

    private static int[] Positions<T>(T[] keys, T[] input, int missing)
        where T : notnull
    {
        // Double's equality treats NaN as equal to NaN and hashes every NaN alike, which is the rule for keys.
        var positions = new Dictionary<T, int>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            positions[keys[i]] = i;
        }
        var result = new int[input.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = positions.GetValueOrDefault(input[i], missing);
        }
        return result;
    }
}
