namespace Aidge.Core.Tensors;

/// <summary>
/// The bfloat16 storage type: the upper 16 bits of an IEEE float32. Conversion from float rounds to
/// nearest even, as ONNX's reference implementation does; NaN stays NaN.
/// </summary>
public readonly record struct BFloat16(ushort Bits)
{
    public static BFloat16 FromSingle(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return new BFloat16((ushort)((bits >> 16) | 0x0040));
        }
        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + roundingBias) >> 16));
    }

    public float ToSingle() => BitConverter.UInt32BitsToSingle((uint)Bits << 16);

    public override string ToString() => ToSingle().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
