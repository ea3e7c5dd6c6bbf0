using System.Buffers.Binary;

namespace Digits;

/// <summary>
/// The held-out 8x8 digits that training/train.py set aside and wrote to digits-test.bin: "AIDGDIG1", an int32 count,
/// then per sample 64 float32 pixels scaled to [0, 1] and one label byte, all little-endian. The network never saw
/// these images while it trained, so accuracy on them is an honest figure.
/// </summary>
public sealed class HeldOutDigits
{
    public const int Pixels = 64;
    public const int Classes = 10;
    private const string Magic = "AIDGDIG1";
    private const int SampleBytes = Pixels * sizeof(float) + 1;

    private readonly float[] images;
    private readonly byte[] labels;

    private HeldOutDigits(float[] images, byte[] labels)
    {
        this.images = images;
        this.labels = labels;
    }

    public int Count => labels.Length;

    /// <summary>Sample <paramref name="index"/>'s pixels, row by row.</summary>
    public ReadOnlySpan<float> Image(int index) => images.AsSpan(index * Pixels, Pixels);

    public int Label(int index) => labels[index];

    /// <exception cref="InvalidDataException">The file is not in the format above.</exception>
    public static HeldOutDigits Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int header = Magic.Length + sizeof(int);
        if (bytes.Length < header || System.Text.Encoding.ASCII.GetString(bytes, 0, Magic.Length) != Magic)
        {
            throw new InvalidDataException($"{path} does not start with {Magic}: it is not a held-out digits file.");
        }
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        if (count < 0 || bytes.Length != header + (long)count * SampleBytes)
        {
            throw new InvalidDataException($"{path} announces {count} samples but holds {bytes.Length} bytes.");
        }
        var images = new float[count * Pixels];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            var sample = bytes.AsSpan(header + i * SampleBytes, SampleBytes);
            for (int p = 0; p < Pixels; p++)
            {
                images[i * Pixels + p] = BinaryPrimitives.ReadSingleLittleEndian(sample[(p * sizeof(float))..]);
            }
            labels[i] = sample[Pixels * sizeof(float)];
            if (labels[i] >= Classes)
            {
                throw new InvalidDataException($"{path}: sample {i} has label {labels[i]}, outside 0..{Classes - 1}.");
            }
        }
        return new HeldOutDigits(images, labels);
    }

    /// <summary>The index of the largest logit: the predicted digit.</summary>
    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }
        return best;
    }
}
